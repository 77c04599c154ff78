package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.contact.domain.ConfirmationTokenRepository;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what was never confirmed in time: a minor's submission no parent confirmed, a newsletter subscription
 * never confirmed, and expired tokens. On its schedule, once per {@code contact.sweep-interval} across the replicas
 * ({@link JobLock#tryHoldOncePer}, in the sweep's own transaction, so no two sweeps overlap either): two sweeps at
 * once would both write the deletion's clock events, and the later one fail on rows already gone.
 */
@ApplicationScoped
public class HoldsAndTokensSweeper {

    private static final Logger LOG = Logger.getLogger(HoldsAndTokensSweeper.class);
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "contact-holds-and-tokens-sweep";

    private final ContactRequestRepository requests;
    private final NewsletterSubscriptionRepository subscriptions;
    private final ConfirmationTokenRepository tokens;
    private final LifecycleEvents events;
    private final JobLock jobLock;
    private final ContactConfig config;
    private final Clock clock;

    public HoldsAndTokensSweeper(ContactRequestRepository requests, NewsletterSubscriptionRepository subscriptions,
            ConfirmationTokenRepository tokens, LifecycleEvents events, JobLock jobLock, ContactConfig config,
            Clock clock) {
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.events = events;
        this.jobLock = jobLock;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${contact.sweep-interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void onSchedule() {
        if (!jobLock.tryHoldOncePer(JOB, config.sweepInterval())) {
            LOG.debug("holds and tokens swept in this period, or being swept, by a replica: this one skips");
            return;
        }
        sweepHeld();
    }

    /** A sweep now, whatever the period (tests): still one replica at a time. */
    @Transactional
    public void sweep() {
        if (!jobLock.tryHold(JOB)) {
            LOG.debug("another replica is sweeping holds and tokens: this one skips");
            return;
        }
        sweepHeld();
    }

    private void sweepHeld() {
        Instant now = Instant.now(clock);
        List<ContactRequest> expiredHolds = requests.expiredHolds(now);
        for (ContactRequest request : expiredHolds) {
            events.clock(request.subjectKey, RetentionCategories.MINOR_HOLD, request.id, ClockEvent.RECORD_DELETED, now);
            events.clock(request.subjectKey, RetentionCategories.PROSPECT, request.id, ClockEvent.RECORD_DELETED, now);
            requests.delete(request);
        }
        List<NewsletterSubscription> unconfirmed = subscriptions.expiredPending(now.minus(config.confirmationTtl()), now);
        for (NewsletterSubscription subscription : unconfirmed) {
            if (subscription.minor) {
                events.clock(subscription.subjectKey, RetentionCategories.MINOR_HOLD, subscription.id,
                        ClockEvent.RECORD_DELETED, now);
            }
            subscriptions.delete(subscription);
        }
        tokens.deleteForRecords(expiredHolds.stream().map(r -> r.id).toList());
        tokens.deleteForRecords(unconfirmed.stream().map(s -> s.id).toList());
        long expiredTokens = tokens.deleteExpired(now);
        int deleted = expiredHolds.size() + unconfirmed.size();
        if (deleted > 0 || expiredTokens > 0) {
            LOG.infof("deleted %d unconfirmed minor hold(s) or subscription(s) and %d expired token(s)", deleted,
                    expiredTokens);
        }
    }
}
