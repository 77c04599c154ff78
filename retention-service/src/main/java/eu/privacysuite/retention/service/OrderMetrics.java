package eu.privacysuite.retention.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * What an operator watches: records ordered and purged per category, orders waiting for a report, orders an
 * external system has not taken yet, orders re-sent, and orders FAILED. The gauges are recounted by the re-send check, not per scrape.
 */
@Startup
@ApplicationScoped
public class OrderMetrics {

    private final PurgeOrderRepository orders;
    private final MeterRegistry registry;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong delivering = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Counter resent;

    public OrderMetrics(PurgeOrderRepository orders, MeterRegistry registry) {
        this.orders = orders;
        this.registry = registry;
        Gauge.builder("retention.purge.orders", unreported, AtomicLong::get).tag("status", "sent")
                .description("purge orders sent and not reported yet").register(registry);
        Gauge.builder("retention.purge.orders", delivering, AtomicLong::get).tag("status", "delivering")
                .description("purge orders for an external system not taken by it yet").register(registry);
        Gauge.builder("retention.purge.orders", failed, AtomicLong::get).tag("status", "failed")
                .description("purge orders not reported after every attempt").register(registry);
        resent = Counter.builder("retention.purge.orders.resent")
                .description("purge orders sent again to a silent owner").register(registry);
    }

    public void ordered(String category, long records) {
        registry.counter("retention.purge.records", "category", category, "outcome", "ordered").increment(records);
    }

    public void reported(String category, long purged, long alreadyGone, long held) {
        registry.counter("retention.purge.records", "category", category, "outcome", "purged").increment(purged);
        registry.counter("retention.purge.records", "category", category, "outcome", "already_gone").increment(alreadyGone);
        registry.counter("retention.purge.records", "category", category, "outcome", "held").increment(held);
    }

    public void resent() {
        resent.increment();
    }

    public void refresh() {
        QuarkusTransaction.requiringNew().run(() -> {
            unreported.set(orders.countByStatus(OrderStatus.SENT));
            delivering.set(orders.countByStatus(OrderStatus.DELIVERING));
            failed.set(orders.countByStatus(OrderStatus.FAILED));
        });
    }

    public long failed() {
        return failed.get();
    }
}
