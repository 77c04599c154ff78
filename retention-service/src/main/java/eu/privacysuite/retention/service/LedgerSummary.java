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
import eu.privacysuite.retention.domain.LedgerEntryRepository;

/** Counts the ledger per category: every category of the schedule, and any the ledger still holds beyond it. */
@ApplicationScoped
public class LedgerSummary {

    private final LedgerEntryRepository ledger;
    private final RetentionSchedule schedule;
    private final Clock clock;

    public LedgerSummary(LedgerEntryRepository ledger, RetentionSchedule schedule, Clock clock) {
        this.ledger = ledger;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Transactional
    public List<CategoryCount> summary() {
        Map<String, CategoryCount> byCategory = new TreeMap<>();
        schedule.categories().keySet().forEach(c -> byCategory.put(c, new CategoryCount(c, 0, 0, null)));
        ledger.countByCategory(Instant.now(clock)).forEach(count -> byCategory.put(count.category(), count));
        return List.copyOf(byCategory.values());
    }
}
