package eu.privacysuite.retention.rest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.service.ExternalClockFeed;
import eu.privacysuite.retention.service.ExternalClockFeed.Applied;
import eu.privacysuite.retention.service.ExternalClockFeed.FeedClock;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.rest.RestObjectMapper;

/**
 * The retention feed of a system outside the suite (docs/external-systems.md, "Retention feeds"). No token: the
 * HMAC signature with the system's key (decision 0043) proves who sent it and is checked before the body is read;
 * an unknown system and a missing, forged or stale signature are the same 401. A replay within the window does no
 * harm: every clock carries an eventId and is applied once.
 */
@Path("/api/retention/external/{system}/clocks")
@Tag(name = "External retention feeds")
public class ExternalFeedResource {

    /** What the system is told: per clock, its eventId and what the ledger did with it. */
    public record FeedResult(List<Applied> clocks) {
    }

    private final ExternalSystems systems;
    private final ExternalClockFeed feed;
    private final ObjectReader reader;
    private final Validator validator;
    private final Clock clock;

    public ExternalFeedResource(ExternalSystems systems, ExternalClockFeed feed, RestObjectMapper mapper,
            Validator validator, Clock clock) {
        this.systems = systems;
        this.feed = feed;
        this.reader = mapper.getContext(ExternalFeedRequest.class).readerFor(ExternalFeedRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.validator = validator;
        this.clock = clock;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An external system's retention clocks", description = "Signed with the system's key: headers "
            + "X-Privacy-Timestamp (Unix seconds, within the replay window) and X-Privacy-Signature (sha256=hex "
            + "HMAC-SHA256 of timestamp + '.' + body). 200 with each clock's outcome (DUPLICATE for an eventId already "
            + "applied); 401 unknown system, unsigned, forged or stale; 403 a category the system does not own; 400 "
            + "not a list of clocks.")
    public FeedResult clocks(@PathParam("system") String name,
            @HeaderParam(ExternalSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(ExternalSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        ExternalSystems.System system = systems.systems().get(name);
        byte[] bytes = body == null ? new byte[0] : body;
        Instant now = Instant.now(clock);
        if (system == null || !ExternalSignature.valid(system.signingKey(), timestamp, signature, bytes, now,
                systems.replayWindow())) {
            throw new ProblemException(Status.UNAUTHORIZED, "The feed is not signed by this system, or its timestamp"
                    + " is outside the replay window.");
        }
        ExternalFeedRequest request = parse(bytes);
        for (ExternalFeedRequest.Clock c : request.clocks()) {
            if (!system.categories().contains(c.category())) {
                throw new ProblemException(Status.FORBIDDEN, "This system does not own the category " + c.category()
                        + " (privacy.retention.external.systems." + name + ".categories).");
            }
            if (c.at().isAfter(now.plus(systems.replayWindow()))) {
                throw new ProblemException(Status.BAD_REQUEST, "clocks[].at is in the future.");
            }
        }
        return new FeedResult(feed.apply(name, request.clocks().stream().map(c -> new FeedClock(c.eventId(),
                c.category(), c.recordId(), c.subjectEmail(), c.clockEvent(), c.at())).toList()));
    }

    private ExternalFeedRequest parse(byte[] bytes) {
        ExternalFeedRequest request;
        try {
            request = reader.readValue(bytes);
        } catch (JsonMappingException e) {
            throw notAFeed(path(e));
        } catch (JsonProcessingException e) {
            throw notAFeed("the body is not JSON");
        } catch (IOException e) {
            throw notAFeed("the body cannot be read");
        }
        if (request == null) {
            throw notAFeed("the body is empty");
        }
        Set<ConstraintViolation<ExternalFeedRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw notAFeed(violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** The field a mapping error is at, never the value. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "the body is not an object with a list of clocks" : path.substring(1) + " is malformed";
    }

    private static ProblemException notAFeed(String why) {
        return new ProblemException(Status.BAD_REQUEST, "Not a retention feed: " + why + ".");
    }
}
