package eu.privacysuite.shared.inbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the inbox's record of events that no topic can deliver again (older than the topics' retention plus a
 * margin). Erasure tombstones live in their own table and are never pruned: they keep an old event, replayed
 * after its inbox row is gone, from bringing an erased subject back. On its schedule, once per
 * {@code privacy.inbox.prune-interval} across the replicas ({@link JobLock#tryHoldOncePer}, recorded before the
 * batches, which take short transactions of their own): a second replica would only delete what is already gone.
 */
@ApplicationScoped
public class InboxPruning {

    private static final Logger LOG = Logger.getLogger(InboxPruning.class);
    private static final int BATCH = 5_000;
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "privacy-inbox-pruning";

    private final EntityManager entityManager;
    private final InboxConfig config;
    private final JobLock jobLock;
    private final Clock clock;

    public InboxPruning(EntityManager entityManager, InboxConfig config, JobLock jobLock, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(identity = "privacy-inbox-pruning", every = "${privacy.inbox.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            if (QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(JOB, config.pruneInterval()))) {
                prune();
            }
        } catch (RuntimeException e) {
            // A fault (database away): the next run tries again.
            LOG.warnf("inbox pruning failed (%s); the next run tries again", e.getClass().getSimpleName());
        }
    }

    /** Deletes the rows older than the cut-off, in short transactions; returns how many. */
    public long prune() {
        Instant cutoff = Instant.now(clock).minus(config.topicRetention()).minus(config.pruneMargin());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "delete from processed_event where ctid in (select ctid from processed_event"
                            + " where processed_at < :cutoff limit " + BATCH + ")")
                    .setParameter("cutoff", cutoff).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("inbox pruned: %d handled event(s) older than %s forgotten", total, cutoff);
        }
        return total;
    }
}
