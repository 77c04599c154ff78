package eu.privacysuite.retention.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;

/**
 * The database half of delivering purge orders to systems outside the suite (decision 0048): claims the orders due
 * for delivery under a lease and builds their bodies, then records what each exchange gave, in a transaction of its
 * own: taken (2xx) is SENT, a refusal (4xx but 408 and 429) is FAILED with its status, a fault waits and is retried
 * with a doubling backoff, without limit. The exchange itself happens outside any transaction.
 */
@ApplicationScoped
public class ExternalPurgeDeliveries {

    private static final Logger LOG = Logger.getLogger(ExternalPurgeDeliveries.class);
    /** How long a claimed order stays claimed beyond its timeout, should the sender's JVM die meanwhile. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    static final String FORMAT = "privacy-suite-purge/1";

    /** The body posted to the system's purge endpoint (docs/external-systems.md, "Purge orders"). */
    public record PurgeOrderMessage(String format, UUID orderId, String category, PurgeAction action,
            List<String> recordIds, Instant clockStartedUpTo, URI reportUrl, Instant sentAt) {
    }

    /** One order claimed for delivery: the exchange happens outside any transaction. */
    public record Outgoing(UUID orderId, String system, int attempt, URI endpoint, String key, Duration timeout,
            byte[] body) {
    }

    private final PurgeOrderRepository orders;
    private final ExternalSystems systems;
    private final EventCodec codec;
    private final Clock clock;

    public ExternalPurgeDeliveries(PurgeOrderRepository orders, ExternalSystems systems, EventCodec codec, Clock clock) {
        this.orders = orders;
        this.systems = systems;
        this.codec = codec;
        this.clock = clock;
    }

    /** Claims the orders due for delivery now, leases them for their timeout, and builds their bodies. */
    @Transactional
    public List<Outgoing> claimDue(int limit) {
        Instant now = Instant.now(clock);
        List<Outgoing> out = new ArrayList<>();
        for (PurgeOrderEntity order : orders.claimDeliveries(now, limit)) {
            ExternalSystems.System system = systems.systems().get(order.service);
            if (system == null || system.purgeEndpoint().isEmpty()) {
                // Removed from the configuration since the order was made: wait, and say so, rather than drop it.
                order.nextAttemptAt = now.plus(Duration.ofHours(1));
                order.lastFault = "system not configured, or without purge-endpoint";
                LOG.warnf("purge order %s for %s cannot be delivered (%s)", order.id, order.service, order.lastFault);
                continue;
            }
            order.deliveryAttempts++;
            order.nextAttemptAt = now.plus(system.timeout()).plus(LEASE_MARGIN);
            PurgeOrder sent = codec.data(codec.read(order.orderEvent), PurgeOrder.class);
            PurgeOrderMessage message = new PurgeOrderMessage(FORMAT, order.id, order.category, order.action,
                    sent.recordIds(), order.clockStartedUpTo, reportUrl(order.service), now);
            out.add(new Outgoing(order.id, order.service, order.deliveryAttempts, system.purgeEndpoint().get(),
                    system.signingKey(), system.timeout(), codec.writeData(message).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The system took the order (2xx): it waits for the report, as an order on the bus does. */
    @Transactional
    public void taken(Outgoing o) {
        PurgeOrderEntity order = current(o);
        if (order != null) {
            order.status = OrderStatus.SENT;
            order.lastSentAt = Instant.now(clock);
            order.nextAttemptAt = null;
            order.lastFault = null;
        }
    }

    /** The system refused the order (a 4xx but 408 and 429): FAILED, with the status as the reason. */
    @Transactional
    public void refused(Outgoing o, int status) {
        PurgeOrderEntity order = current(o);
        if (order != null) {
            order.fail(o.system() + " refused the order with HTTP " + status);
            LOG.warnf("purge order %s (%s, %d record(s)) FAILED: %s", order.id, order.category, order.recordCount,
                    order.failureReason);
        }
    }

    /** A fault (no connection, a timeout, a 5xx, 408, 429, …): the order waits and is delivered again. */
    @Transactional
    public void fault(Outgoing o, String what) {
        PurgeOrderEntity order = current(o);
        if (order == null) {
            return;
        }
        Instant now = Instant.now(clock);
        order.nextAttemptAt = now.plus(backoff(order.deliveryAttempts));
        order.lastFault = what;
        LOG.warnf("purge order %s: %s did not take it (attempt %d, %s); delivered again at %s", order.id, o.system(),
                order.deliveryAttempts, what, order.nextAttemptAt);
    }

    /** The wait after the {@code attempt}-th exchange failed: min, doubled each attempt, at most max. */
    Duration backoff(int attempt) {
        Duration backoff = systems.retryBackoffMin().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return backoff.compareTo(systems.retryBackoffMax()) > 0 ? systems.retryBackoffMax() : backoff;
    }

    public URI reportUrl(String system) {
        String base = systems.reportBase().toString().replaceAll("/+$", "");
        return URI.create(base + "/api/retention/external/" + system + "/purge-reports");
    }

    /** The order this exchange was for, locked, if it still waits for it (a report may have settled it meanwhile). */
    private PurgeOrderEntity current(Outgoing o) {
        PurgeOrderEntity order = orders.lock(o.orderId()).orElse(null);
        if (order == null || order.status != OrderStatus.DELIVERING || order.deliveryAttempts != o.attempt()) {
            return null;
        }
        return order;
    }
}
