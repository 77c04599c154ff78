package eu.privacysuite.shared.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of every event on the bus. {@code subjectKey} is the blind index of the person, never the
 * person's data; personal data that must travel is inside a sealed field of {@code data}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String producer,
        String correlationId,
        String subjectKey,
        JsonNode data) {
}
