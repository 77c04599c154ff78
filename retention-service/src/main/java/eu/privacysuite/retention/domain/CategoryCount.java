package eu.privacysuite.retention.domain;

import java.time.Instant;

/** The ledger of one category at a moment: records followed, records due, and the next due date after it. */
public record CategoryCount(String category, long records, long due, Instant nextDueAt) {
}
