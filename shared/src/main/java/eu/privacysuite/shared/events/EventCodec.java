package eu.privacysuite.shared.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds envelopes for this service and reads them back; the one place where events meet JSON. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final String producer;
    private final Clock clock;

    public EventCodec(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String producer,
            Clock clock) {
        this.mapper = mapper;
        this.producer = producer;
        this.clock = clock;
    }

    public EventEnvelope envelope(String type, String correlationId, String subjectKey, Object data) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(clock), producer, correlationId, subjectKey,
                mapper.valueToTree(data));
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }

    /** Writes a data record alone, for a row that keeps it without its envelope. */
    public String writeData(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(data.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    public <T> T readData(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("stored value is not a " + type.getSimpleName());
        }
    }

    /** Reads an envelope; a value that is not one is rejected as {@link MalformedEventException}. */
    public EventEnvelope read(String value) {
        try {
            EventEnvelope envelope = mapper.readValue(value, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.data() == null) {
                throw new MalformedEventException("envelope without eventId, type or data");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("value is not an event envelope");
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + envelope.type() + " is not a " + type.getSimpleName());
        }
    }
}
