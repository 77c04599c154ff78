package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.PurgeConfig;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.DueCount;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.LedgerEntryRepository.Cursor;
import eu.privacysuite.retention.service.SweepResult.CategoryResult;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The sweep: on its cron, on one replica at a time, finds the records whose period ran out before now minus the
 * grace window, and orders their owners to purge them, one short transaction per batch so that no lock is held
 * long. A dry run counts what a sweep would order and changes nothing. On its cron the sweep runs once per firing
 * across the replicas: {@link JobLock#tryHoldOncePer} with the cron's period (from this firing to the next) records
 * the run before the sweep starts, and {@link SweepLock} keeps a sweep asked for over HTTP from overlapping it.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "retention-sweep";

    private final RetentionSchedule schedule;
    private final PurgeConfig config;
    private final LedgerEntryRepository ledger;
    private final PurgeOrdering ordering;
    private final SweepLock lock;
    private final JobLock jobLock;
    private final Clock clock;

    public Sweeper(RetentionSchedule schedule, PurgeConfig config, LedgerEntryRepository ledger,
            PurgeOrdering ordering, SweepLock lock, JobLock jobLock, Clock clock) {
        this.schedule = schedule;
        this.config = config;
        this.ledger = ledger;
        this.ordering = ordering;
        this.lock = lock;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(identity = "retention-sweep", cron = "${privacy.retention.sweep.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule(ScheduledExecution execution) {
        // Every replica's cron fires at the same instants: the period is the cron's, from this firing to the next (a
        // cron that fires no more has none: this last firing is held by SweepLock alone).
        Instant next = execution.getTrigger().getNextFireTime();
        Duration period = next == null ? null : Duration.between(execution.getScheduledFireTime(), next);
        if (period != null && !period.isNegative() && !period.isZero()
                && !QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(JOB, period))) {
            LOG.debug("the sweep ran for this firing on another replica: this one skips");
            return;
        }
        SweepResult result = sweep(false);
        if (result.ran() && result.records() > 0) {
            LOG.infof("sweep %s: %d record(s) ordered purged", result.sweepId(), result.records());
        }
    }

    public SweepResult sweep(boolean dryRun) {
        Instant cutoff = DueDates.cutoff(Instant.now(clock), config.grace());
        UUID sweepId = UUID.randomUUID();
        if (dryRun) {
            Map<String, DueCount> counts = counts(cutoff);
            return new SweepResult(sweepId, true, true, cutoff, rules().entrySet().stream().map(e -> {
                DueCount count = counts.getOrDefault(e.getKey(), new DueCount(e.getKey(), 0, 0));
                return new CategoryResult(e.getKey(), e.getValue().owner(), count.due(),
                        (int) ((count.due() + config.batchSize() - 1) / config.batchSize()), count.held());
            }).toList());
        }
        Optional<SweepLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            LOG.info("another replica is sweeping: this one skips");
            return new SweepResult(sweepId, false, false, cutoff, List.of());
        }
        try (SweepLock.Held ignored = held.get()) {
            List<CategoryResult> results = new ArrayList<>();
            Map<String, CategoryRule> rules = rules();
            for (Map.Entry<String, CategoryRule> rule : rules.entrySet()) {
                results.add(sweepCategory(sweepId, rule.getKey(), rule.getValue(), cutoff));
            }
            Map<String, DueCount> left = counts(cutoff);
            return new SweepResult(sweepId, false, true, cutoff, results.stream().map(r -> new CategoryResult(
                    r.category(), r.owner(), r.records(), r.orders(),
                    left.getOrDefault(r.category(), new DueCount(r.category(), 0, 0)).held())).toList());
        }
    }

    private CategoryResult sweepCategory(UUID sweepId, String category, CategoryRule rule, Instant cutoff) {
        long records = 0;
        int orders = 0;
        PurgeOrdering.Batch batch = new PurgeOrdering.Batch(0, Optional.empty());
        do {
            // One transaction per batch: the rows are locked only while their order is written. Each batch starts
            // where the one before it ended.
            Optional<Cursor> after = batch.next();
            batch = QuarkusTransaction.requiringNew()
                    .call(() -> ordering.orderBatch(sweepId, category, rule, cutoff, after, config.batchSize()));
            records += batch.records();
            orders += batch.records() > 0 ? 1 : 0;
        } while (batch.records() == config.batchSize());
        return new CategoryResult(category, rule.owner(), records, orders, 0);
    }

    private Map<String, CategoryRule> rules() {
        return new TreeMap<>(schedule.categories());
    }

    private Map<String, DueCount> counts(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.countDue(cutoff)).stream()
                .collect(Collectors.toMap(DueCount::category, Function.identity()));
    }
}
