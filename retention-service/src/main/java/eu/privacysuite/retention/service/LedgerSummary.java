package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.CategoryCount;
import eu.privacysuite.retention.domain.RetentionLedger;
import eu.privacysuite.retention.rest.CategorySummary;

/** Counts the ledger per category: every category of the schedule, and any the ledger still holds beyond it. */
@ApplicationScoped
public class LedgerSummary {

    private final RetentionLedger ledger;
    private final RetentionSchedule schedule;
    private final Clock clock;

    public LedgerSummary(RetentionLedger ledger, RetentionSchedule schedule, Clock clock) {
        this.ledger = ledger;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Transactional
    public List<CategorySummary> summary() {
        Instant now = Instant.now(clock);
        Map<String, CategorySummary> byCategory = new TreeMap<>();
        schedule.categories().keySet().forEach(c -> byCategory.put(c, new CategorySummary(c, 0, 0, null)));
        for (CategoryCount count : ledger.countByCategory(now)) {
            byCategory.put(count.category(),
                    new CategorySummary(count.category(), count.records(), count.due(), count.nextDueAt()));
        }
        return List.copyOf(byCategory.values());
    }
}
