package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.shared.events.ClockEvent;

/** The body of a retention feed: up to 100 clocks (docs/external-systems.md, "Retention feeds"). */
public record ExternalFeedRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Clock> clocks) {

    /** A system's own id of a record: printable ASCII without spaces, kept in the ledger and sent in purge orders. */
    static final String RECORD_ID = "[\\x21-\\x7E]{1,200}";
    static final String RECORD_ID_RULE = "must be 1 to 200 printable ASCII characters without spaces";

    /**
     * One clock event, the fields of the Kafka lifecycle event (RetentionClock) plus the eventId that makes it
     * idempotent; the subject is named by email (the system does not know the suite's pepper), never stored.
     */
    public record Clock(@NotNull UUID eventId,
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,99}") String category,
            @NotNull @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @Email @Size(max = 254) String subjectEmail,
            @NotNull ClockEvent clockEvent,
            @NotNull Instant at) {
    }
}
