package eu.privacysuite.retention.rest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.rest.RestObjectMapper;

/**
 * The door of every message an external system posts (its clocks, its purge reports): the HMAC signature with the
 * system's key (decision 0043) is checked before the body is read, and an unknown system and a missing, forged or
 * stale signature are the same 401; then the body is read strictly (unknown fields, nulls for primitives, the
 * records' constraints), a malformed one a 400 naming the field, never its value.
 */
@ApplicationScoped
public class SignedBodies {

    /** A body that passed the door: who sent it, and when the service read it. */
    public record Signed<T>(String system, ExternalSystems.System config, Instant now, T body) {
    }

    private final ExternalSystems systems;
    private final RestObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    public SignedBodies(ExternalSystems systems, RestObjectMapper mapper, Validator validator, Clock clock) {
        this.systems = systems;
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The body, once the signature is checked and the body read as {@code type}.
     *
     * @param what what the body should be, for the 400's detail ("a retention feed")
     * @param shape what the body's top level should be, for the 400 of a body that is no such object
     */
    public <T> Signed<T> read(String system, String timestamp, String signature, byte[] body, Class<T> type,
            String what, String shape) {
        ExternalSystems.System config = systems.systems().get(system);
        byte[] bytes = body == null ? new byte[0] : body;
        Instant now = Instant.now(clock);
        if (config == null || !ExternalSignature.valid(config.signingKey(), timestamp, signature, bytes, now,
                systems.replayWindow())) {
            throw new ProblemException(Status.UNAUTHORIZED, "The message is not signed by this system, or its"
                    + " timestamp is outside the replay window.");
        }
        return new Signed<>(system, config, now, parse(bytes, type, what, shape));
    }

    private <T> T parse(byte[] bytes, Class<T> type, String what, String shape) {
        T value;
        try {
            value = mapper.getContext(type).readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(bytes);
        } catch (JsonMappingException e) {
            throw malformed(what, path(e, shape));
        } catch (JsonProcessingException e) {
            throw malformed(what, "the body is not JSON");
        } catch (IOException e) {
            throw malformed(what, "the body cannot be read");
        }
        if (value == null) {
            throw malformed(what, "the body is empty");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw malformed(what, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return value;
    }

    /** The field a mapping error is at, never the value. */
    private static String path(JsonMappingException e, String shape) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "the body is not " + shape : path.substring(1) + " is malformed";
    }

    static ProblemException malformed(String what, String why) {
        return new ProblemException(Status.BAD_REQUEST, "Not " + what + ": " + why + ".");
    }
}
