package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.dsr.domain.IdentityMethod;
import eu.privacysuite.dsr.domain.RejectionReason;
import eu.privacysuite.dsr.domain.RequestChannel;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.events.DsrAction;

/**
 * A request as the controller and the auditor see it: progress and the legal clock, no personal data.
 * {@code clockPausedSince} is set while identity is awaited (the due date moves on by the pause once verified).
 * {@code duplicateOf} is set only in the answer to a POST that was linked to this open request instead of
 * recorded anew.
 */
public record DsrRequestView(UUID id, DsrAction type, RequestStatus status, RequestChannel channel,
        Instant receivedAt, Instant dueAt, Instant clockPausedSince, Integer extendedMonths, String extensionReason,
        IdentityMethod identityMethod, Instant identityVerifiedAt, RejectionReason rejectionReason,
        Instant completedAt, Instant closedAt, boolean overdue, String statement, int duplicatesReceived,
        UUID duplicateOf, List<ParticipantView> participants) {

    public DsrRequestView asDuplicate() {
        return new DsrRequestView(id, type, status, channel, receivedAt, dueAt, clockPausedSince, extendedMonths,
                extensionReason, identityMethod, identityVerifiedAt, rejectionReason, completedAt, closedAt, overdue,
                statement, duplicatesReceived, id, participants);
    }
}
