package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.config.PurgeConfig;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * An order not reported in time is sent again, unchanged (same eventId: the owner deduplicates and reports
 * again; an external system's order is delivered again over HTTP, same orderId); after the last attempt it is
 * FAILED, which health, metrics and the orders API show. Never dropped.
 */
@ApplicationScoped
public class UnreportedOrders {

    private static final Logger LOG = Logger.getLogger(UnreportedOrders.class);
    private static final int BATCH = 100;

    private final PurgeOrderRepository orders;
    private final Outbox outbox;
    private final EventCodec codec;
    private final PurgeConfig config;
    private final OrderMetrics metrics;
    private final ExternalSystems systems;
    private final Clock clock;

    public UnreportedOrders(PurgeOrderRepository orders, Outbox outbox, EventCodec codec, PurgeConfig config,
            OrderMetrics metrics, ExternalSystems systems, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.metrics = metrics;
        this.systems = systems;
        this.clock = clock;
    }

    @Scheduled(identity = "retention-unreported-orders", every = "${privacy.retention.resend-check-interval}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(this::resendOrFail);
        } while (handled == BATCH);
        metrics.refresh();
    }

    private int resendOrFail() {
        Instant now = Instant.now(clock);
        var silent = orders.claimUnreported(now.minus(config.reportTimeout()), BATCH);
        for (PurgeOrderEntity order : silent) {
            if (order.attempts >= config.maxAttempts()) {
                order.fail("no report from " + order.service + " after " + order.attempts + " attempt(s)");
                LOG.warnf("purge order %s (%s, %d record(s)) FAILED: no report from %s after %d attempt(s)",
                        order.id, order.category, order.recordCount, order.service, order.attempts);
                continue;
            }
            if (systems.systems().containsKey(order.service)) {
                order.deliverNow(now);
            } else {
                outbox.publish(Topics.RETENTION_PURGES, PurgeOrder.key(order.service, order.id), codec.read(order.orderEvent));
            }
            order.attempts++;
            order.lastSentAt = now;
            metrics.resent();
            LOG.infof("purge order %s sent again to %s (attempt %d)", order.id, order.service, order.attempts);
        }
        return silent.size();
    }
}
