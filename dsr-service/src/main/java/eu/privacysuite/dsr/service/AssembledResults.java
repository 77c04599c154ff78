package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;

/** A completed request's dates and every participant's export, opened: what a report or a package is made of. */
public record AssembledResults(UUID requestId, DsrAction type, Instant receivedAt, Instant dueAt, Instant completedAt,
        Instant availableUntil, List<SubjectExport> exports) {
}
