package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.domain.DueRecord;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.LedgerEntryRepository.Cursor;
import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;

/**
 * Turns one batch of due records into a purge order: the order row, the ledger marks and the event, together. An
 * order for a system outside the suite is not published: it waits DELIVERING for {@link ExternalPurgeSender}, or
 * is FAILED at once when the system has no purge endpoint.
 */
@ApplicationScoped
public class PurgeOrdering {

    private final LedgerEntryRepository ledger;
    private final PurgeOrderRepository orders;
    private final Outbox outbox;
    private final EventCodec codec;
    private final OrderMetrics metrics;
    private final ExternalSystems systems;
    private final Clock clock;

    public PurgeOrdering(LedgerEntryRepository ledger, PurgeOrderRepository orders, Outbox outbox, EventCodec codec,
            OrderMetrics metrics, ExternalSystems systems, Clock clock) {
        this.ledger = ledger;
        this.orders = orders;
        this.outbox = outbox;
        this.codec = codec;
        this.metrics = metrics;
        this.systems = systems;
        this.clock = clock;
    }

    /** How many records a batch ordered, and where the category's next batch starts (empty: at the start). */
    public record Batch(int records, Optional<Cursor> next) {
    }

    /**
     * Orders up to {@code limit} purgeable records of the category that come after {@code after} (see
     * {@link LedgerEntryRepository#claim}).
     */
    @Transactional(TxType.MANDATORY)
    public Batch orderBatch(UUID sweepId, String category, CategoryRule rule, Instant cutoff, Optional<Cursor> after,
            int limit) {
        LedgerEntryRepository.Claimed claimed = ledger.claim(category, rule.owner(), cutoff, after, limit);
        List<DueRecord> batch = claimed.records();
        if (batch.isEmpty()) {
            return new Batch(0, after);
        }
        Instant now = Instant.now(clock);
        UUID orderId = UUID.randomUUID();
        Instant upTo = batch.stream().map(DueRecord::clockStartedAt).max(Comparator.naturalOrder()).orElseThrow();
        PurgeOrder order = new PurgeOrder(orderId, rule.owner(), category, rule.action(),
                batch.stream().map(DueRecord::recordId).toList(), upTo);
        EventEnvelope envelope = codec.envelope(EventTypes.PURGE_ORDER, orderId.toString(), null, order);

        PurgeOrderEntity entity = new PurgeOrderEntity();
        entity.id = orderId;
        entity.sweepId = sweepId;
        entity.service = rule.owner();
        entity.category = category;
        entity.action = rule.action();
        entity.rule = Rules.describe(category, rule);
        entity.recordCount = batch.size();
        entity.clockStartedUpTo = upTo;
        entity.status = OrderStatus.SENT;
        entity.attempts = 1;
        entity.orderedAt = now;
        entity.lastSentAt = now;
        entity.orderEvent = codec.write(envelope);
        ExternalSystems.System external = systems.systems().get(rule.owner());
        if (external == null) {
            outbox.publish(Topics.RETENTION_PURGES, PurgeOrder.key(rule.owner(), orderId), envelope);
        } else if (external.purgeEndpoint().isPresent()) {
            entity.deliverNow(now);
        } else {
            entity.fail("no purge endpoint: privacy.retention.external.systems." + rule.owner()
                    + ".purge-endpoint is not set");
        }
        orders.persist(entity);
        ledger.markOrdered(batch.stream().map(DueRecord::id).toList(), orderId);
        metrics.ordered(category, batch.size());
        return new Batch(batch.size(), claimed.next());
    }
}
