package eu.privacysuite.retention.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one sweep did, or would do on a dry run: per category the records ordered purged (or purgeable), the
 * orders sent, and the due records kept by a legal hold. {@code ran} is false when another replica was sweeping.
 */
public record SweepResult(UUID sweepId, boolean dryRun, boolean ran, Instant cutoff, List<CategoryResult> categories) {

    public record CategoryResult(String category, String owner, long records, int orders, long held) {
    }

    public long records() {
        return categories.stream().mapToLong(CategoryResult::records).sum();
    }
}
