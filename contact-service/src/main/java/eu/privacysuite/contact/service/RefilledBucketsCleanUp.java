package eu.privacysuite.contact.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Forgets the rate-limit buckets that are full again, once per {@code contact.sweep-interval} across the replicas
 * ({@link JobLock#tryHoldOncePer}). The run is recorded before the clean-up, which takes its own connections: two at
 * once would still be safe (Bucket4j's delete skips locked rows), only wasted.
 */
@ApplicationScoped
public class RefilledBucketsCleanUp {

    private static final Logger LOG = Logger.getLogger(RefilledBucketsCleanUp.class);
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "contact-rate-limit-clean-up";

    private final ClientRateLimiter limiter;
    private final JobLock jobLock;
    private final ContactConfig config;

    public RefilledBucketsCleanUp(ClientRateLimiter limiter, JobLock jobLock, ContactConfig config) {
        this.limiter = limiter;
        this.jobLock = jobLock;
        this.config = config;
    }

    @Scheduled(every = "${contact.sweep-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            if (QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(JOB, config.sweepInterval()))) {
                limiter.forgetRefilledBuckets();
            }
        } catch (RuntimeException e) {
            // A fault (database away): the rows wait for the next run, and a full bucket allows no more than a new one.
            LOG.warnf("rate limit buckets not cleaned up (%s); the next run tries again", e.getClass().getSimpleName());
        }
    }
}
