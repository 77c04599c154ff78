package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.events.DsrAction;

/** A request as the controller and the auditor see it: progress and deadline, no personal data. */
public record DsrRequestView(UUID id, DsrAction type, RequestStatus status, Instant receivedAt, Instant dueAt,
        Instant completedAt, boolean overdue, List<ParticipantView> participants) {
}
