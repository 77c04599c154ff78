package eu.privacysuite.shared.scheduling;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scheduled jobs across the replicas of a service (docs/decisions/0033, 0049).
 * <p>
 * {@link #tryHold}: one run at a time. A PostgreSQL transaction-scoped advisory lock named after the job
 * ({@code pg_try_advisory_xact_lock}), taken in the job's own transaction. The replica that gets it runs the job; the
 * others skip this round. The lock ends with the transaction, so a replica that dies mid-run releases it with its
 * connection.
 * <p>
 * {@link #tryHoldOncePer}: one run per period across all replicas. Every replica's scheduler fires once per period,
 * so two replicas would run the job twice per period; under the same lock, the job's row in {@code job_run} says when
 * it last ran, on any replica, by the database's clock. A run younger than the period less a tolerance is skipped,
 * otherwise now is recorded and the job runs. Each decision counts in {@code privacy.job.runs} tagged {@code job} and
 * {@code outcome} ({@code ran}, {@code skipped}).
 */
@ApplicationScoped
public class JobLock {

    /** First key of the job locks: a space of its own beside the outbox's ({@code Outbox.KEY_LOCK_SPACE}). */
    static final int JOB_LOCK_SPACE = 0x6a6f62; // "job"
    /** The counter of scheduled runs, per job and outcome. */
    public static final String RUNS = "privacy.job.runs";
    /** A tolerance of at most a fifth of the period absorbs a scheduler firing slightly early on one replica. */
    private static final int TOLERANCE_DIVISOR = 5;
    private static final Duration MAX_TOLERANCE = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final MeterRegistry registry;

    public JobLock(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    /** True when this replica now holds the job until its transaction ends; false when another replica runs it now. */
    @Transactional(TxType.MANDATORY)
    public boolean tryHold(String job) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:space, hashtext(:job))")
                .setParameter("space", JOB_LOCK_SPACE).setParameter("job", job).getSingleResult();
    }

    /**
     * True when this replica runs the job now: no replica runs it at this moment and none ran it within
     * {@code period} less the tolerance; the run is recorded in the caller's transaction (a rollback forgets it, so
     * a failed run is taken again at the next firing). False when the job is to be skipped this round.
     */
    @Transactional(TxType.MANDATORY)
    public boolean tryHoldOncePer(String job, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period of " + job + " must be positive, not " + period);
        }
        boolean ran = tryHold(job) && entityManager.createNativeQuery("""
                insert into job_run (job, last_run_at) values (:job, now())
                on conflict (job) do update set last_run_at = excluded.last_run_at
                where job_run.last_run_at <= now() - make_interval(secs => :seconds)""")
                .setParameter("job", job).setParameter("seconds", seconds(period.minus(tolerance(period))))
                .executeUpdate() == 1;
        counter(job, ran ? "ran" : "skipped").increment();
        return ran;
    }

    /** How much younger than the period the last run may be and still let this one run. */
    static Duration tolerance(Duration period) {
        Duration fifth = period.dividedBy(TOLERANCE_DIVISOR);
        return fifth.compareTo(MAX_TOLERANCE) > 0 ? MAX_TOLERANCE : fifth;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private Counter counter(String job, String outcome) {
        return Counter.builder(RUNS).tag("job", job).tag("outcome", outcome)
                .description("scheduled runs of a job on this replica: ran, or skipped (run in this period, or running now)")
                .register(registry);
    }
}
