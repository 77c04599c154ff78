package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.dsr.domain.IdentityMethod;
import eu.privacysuite.dsr.domain.RejectionReason;
import eu.privacysuite.dsr.domain.RequestChannel;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;

/**
 * Where a request stands, read in its transaction: the services' answer, which the REST layer maps to its view.
 * Participants are sorted by service name.
 */
public record RequestState(UUID id, DsrAction type, RequestStatus status, RequestChannel channel,
        Instant receivedAt, Instant dueAt, Instant clockPausedSince, Integer extendedMonths, String extensionReason,
        IdentityMethod identityMethod, Instant identityVerifiedAt, RejectionReason rejectionReason,
        Instant completedAt, Instant closedAt, boolean overdue, String statement, int duplicatesReceived,
        List<Participant> participants, String language, String letterOffReason) {

    /** One participant's progress on the request. */
    public record Participant(String service, TaskStatus status, DsrOutcome outcome, Long recordCount,
            String reason, Instant repliedAt) {
    }
}
