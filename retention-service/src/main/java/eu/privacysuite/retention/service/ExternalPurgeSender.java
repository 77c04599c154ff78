package eu.privacysuite.retention.service;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.service.ExternalPurgeDeliveries.Outgoing;
import eu.privacysuite.shared.external.SignedPost;
import io.quarkus.scheduler.Scheduled;

/**
 * Posts the purge orders of systems outside the suite to their purge endpoints (decision 0048), each a signed HTTP
 * POST (decision 0043) made outside any transaction with the JDK's {@link HttpClient}: the claim, the exchange, then
 * what it gave, each on its own. Safe with several replicas: a claimed order is locked with SKIP LOCKED and leased.
 */
@ApplicationScoped
public class ExternalPurgeSender {

    private static final Logger LOG = Logger.getLogger(ExternalPurgeSender.class);
    private static final int BATCH = 20;

    private final ExternalPurgeDeliveries deliveries;
    private final ExternalSystems systems;
    private final Clock clock;
    private final HttpClient http = SignedPost.client();

    public ExternalPurgeSender(ExternalPurgeDeliveries deliveries, ExternalSystems systems, Clock clock) {
        this.deliveries = deliveries;
        this.systems = systems;
        this.clock = clock;
    }

    @Scheduled(identity = "retention-external-purge-orders", every = "${privacy.retention.external.send-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        if (systems.systems().values().stream().allMatch(s -> s.purgeEndpoint().isEmpty())) {
            return;
        }
        List<Outgoing> due;
        do {
            due = deliveries.claimDue(BATCH);
            for (Outgoing o : due) {
                try {
                    send(o);
                } catch (RuntimeException e) {
                    // The lease runs out and the order is delivered again.
                    LOG.warnf("purge order %s: the exchange with %s could not be recorded: %s", o.orderId(), o.system(),
                            e.getClass().getSimpleName());
                }
            }
        } while (due.size() == BATCH);
    }

    private void send(Outgoing o) {
        SignedPost.Outcome outcome = SignedPost.send(http, o.endpoint(), o.timeout(), o.key(), o.body(),
                Instant.now(clock), 0);
        if (outcome instanceof SignedPost.Fault fault) {
            deliveries.fault(o, fault.what());
        } else if (outcome instanceof SignedPost.Answer answer && SignedPost.refusal(answer.status())) {
            deliveries.refused(o, answer.status());
        } else {
            deliveries.taken(o);
        }
    }
}
