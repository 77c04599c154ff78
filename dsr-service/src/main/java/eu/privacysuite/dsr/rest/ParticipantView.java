package eu.privacysuite.dsr.rest;

import java.time.Instant;

import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.shared.events.DsrOutcome;

/** One participant's progress on a request. */
public record ParticipantView(String service, TaskStatus status, DsrOutcome outcome, Long recordCount, String reason,
        Instant repliedAt) {
}
