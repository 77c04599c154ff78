package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.UUID;

/** One record of the ledger as the sweep and the controller see it: no subject key. */
public record DueRecord(UUID id, String category, String recordId, Instant clockStartedAt, Instant dueAt,
        boolean held) {
}
