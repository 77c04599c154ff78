package eu.privacysuite.retention.rest;

import java.time.Instant;

import eu.privacysuite.retention.domain.CategoryCount;

/**
 * The ledger of one category: records followed, records due now (period ran out, not purged yet), and the
 * next date a record falls due (null when none is waiting).
 */
public record CategorySummary(String category, long records, long dueNow, Instant nextDueAt) {

    static CategorySummary of(CategoryCount count) {
        return new CategorySummary(count.category(), count.records(), count.due(), count.nextDueAt());
    }
}
