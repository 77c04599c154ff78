package eu.privacysuite.shared.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code privacy.retention.lifecycle}: an owner tells retention-service that a record's clock moved. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetentionClock(String service, String category, String recordId, ClockEvent clockEvent, Instant at) {
}
