package eu.privacysuite.retention.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.CategoryCount;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The gauge {@code retention.records.due}: per category, the records whose period ran out and that are still
 * in the ledger. Recounted on a schedule so that a metrics scrape never waits on the database.
 */
@Startup
@ApplicationScoped
public class DueRecordsGauge {

    private final LedgerSummary summary;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> dueByCategory = new ConcurrentHashMap<>();

    public DueRecordsGauge(LedgerSummary summary, RetentionSchedule schedule, MeterRegistry registry) {
        this.summary = summary;
        this.registry = registry;
        schedule.categories().keySet().forEach(this::gauge);
    }

    @Scheduled(every = "${privacy.retention.due-gauge-refresh}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        for (CategoryCount category : summary.summary()) {
            gauge(category.category()).set(category.due());
        }
    }

    private AtomicLong gauge(String category) {
        return dueByCategory.computeIfAbsent(category, c -> {
            AtomicLong due = new AtomicLong();
            Gauge.builder("retention.records.due", due, AtomicLong::get).tag("category", c)
                    .description("records whose retention period ran out and that are not purged yet")
                    .strongReference(true).register(registry);
            return due;
        });
    }
}
