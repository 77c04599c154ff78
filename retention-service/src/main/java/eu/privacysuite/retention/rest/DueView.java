package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.List;

import eu.privacysuite.retention.domain.DueCount;
import eu.privacysuite.retention.domain.DueRecord;

/**
 * What a sweep at {@code before} would purge: per category the records due after the grace window (purgeable)
 * and those kept by a legal hold, and one page of the records (ids only, no subject).
 */
public record DueView(Instant before, Instant cutoff, List<DueCount> counts, int page, int size,
        List<Item> records) {

    public record Item(String category, String recordId, Instant dueAt, boolean held) {

        static Item of(DueRecord r) {
            return new Item(r.category(), r.recordId(), r.dueAt(), r.held());
        }
    }
}
