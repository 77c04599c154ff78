package eu.privacysuite.dsr.rest;

import java.time.Instant;

import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.dsr.service.RequestState;
import eu.privacysuite.shared.events.DsrOutcome;

/** One participant's progress on a request. */
public record ParticipantView(String service, TaskStatus status, DsrOutcome outcome, Long recordCount, String reason,
        Instant repliedAt) {

    static ParticipantView of(RequestState.Participant p) {
        return new ParticipantView(p.service(), p.status(), p.outcome(), p.recordCount(), p.reason(), p.repliedAt());
    }
}
