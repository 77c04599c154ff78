package eu.privacysuite.shared.outbox;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.Producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One round of the relay, in two short transactions with the sending between them (docs/decisions/0050): claim
 * rows in order and lease them; send them ({@link RelayRound}) with no transaction open; then delete what the
 * broker acknowledged, park what it refused for good and release the rest. So no transaction stays open while
 * the broker is slow or away. When the second transaction fails (the database went away meanwhile), its writes
 * are kept and made first in the next round, before anything new is claimed. Once enough rows have been deleted,
 * the table is vacuumed ({@link OutboxVacuum}, docs/decisions/0051).
 */
@ApplicationScoped
class RelayBatch {

    /** What a round did; {@code fault} is set when some row met a passing fault and stays for the next round. */
    record Outcome(int published, int parked, Throwable fault) {
    }

    /** What a round's second transaction writes: the rows sent, those parked, and the others it leased. */
    private record Settlement(List<Long> sent, List<OutboxEvent> parked, List<Long> released) {
    }

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter refused;
    private final boolean compressed;
    private final OutboxVacuum vacuum;
    /** A settlement whose transaction failed, written first in the next round; only the relay thread uses it. */
    private Settlement unsettled;

    RelayBatch(EntityManager entityManager, OutboxConfig config, Clock clock, MeterRegistry registry,
            RelayClients clients, OutboxVacuum vacuum) {
        this.compressed = clients.compresses();
        this.vacuum = vacuum;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.published = Counter.builder("privacy.outbox.published").description("events the relay published")
                .register(registry);
        this.refused = Counter.builder("privacy.outbox.refused")
                .description("events the broker refused for good, parked for an operator").register(registry);
    }

    /**
     * Publishes one batch. {@code oneByOne} (after a round that met a fault) sends each record alone and stops at
     * the first fault: the producer retries a batch the broker finds too large by splitting it, and two records
     * that fit in one batch make the same batch again until the delivery timeout, so a record refused in company
     * is only seen refused when sent alone.
     */
    Outcome relay(Producer<String, String> producer, KnownTopics topics, boolean oneByOne) {
        if (unsettled != null) {
            settle(unsettled);
            unsettled = null;
        }
        List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(this::claimAndLease);
        if (rows.isEmpty()) {
            return new Outcome(0, 0, null);
        }
        RelayRound round = new RelayRound(producer, topics, clock, compressed);
        round.run(rows, oneByOne);
        Set<Long> done = new HashSet<>(round.sent());
        round.parked().forEach(e -> done.add(e.id));
        Settlement settlement = new Settlement(List.copyOf(round.sent()), List.copyOf(round.parked()),
                rows.stream().map(e -> e.id).filter(id -> !done.contains(id)).toList());
        try {
            settle(settlement);
        } catch (RuntimeException e) {
            unsettled = settlement;
            throw e;
        }
        return new Outcome(settlement.sent().size(), settlement.parked().size(), round.fault());
    }

    /** The first transaction: the rows this round may publish, in order, leased to it and detached. */
    private List<OutboxEvent> claimAndLease() {
        List<OutboxEvent> rows = OutboxClaims.inKeyOrder(entityManager,
                OutboxClaims.claim(entityManager, config.batchSize()));
        if (!rows.isEmpty()) {
            entityManager.createNativeQuery("update outbox_event set leased_until = now() + make_interval(secs => :secs)"
                    + " where id = any(cast(:ids as bigint[]))").setParameter("secs", config.lease().toMillis() / 1000.0)
                    .setParameter("ids", rows.stream().map(e -> e.id).toArray(Long[]::new)).executeUpdate();
            rows.forEach(entityManager::detach);
        }
        return rows;
    }

    /** The second transaction: delete what was sent, park what was refused, release what is left. */
    private void settle(Settlement settlement) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!settlement.sent().isEmpty()) {
                entityManager.createNativeQuery("delete from outbox_event where id = any(cast(:ids as bigint[]))")
                        .setParameter("ids", settlement.sent().toArray(Long[]::new)).executeUpdate();
            }
            for (OutboxEvent row : settlement.parked()) {
                entityManager.createQuery("update OutboxEvent e set e.parkedAt = :at, e.parkedReason = :reason,"
                        + " e.leasedUntil = null where e.id = :id").setParameter("at", row.parkedAt)
                        .setParameter("reason", row.parkedReason).setParameter("id", row.id).executeUpdate();
            }
            if (!settlement.released().isEmpty()) {
                entityManager.createNativeQuery(
                        "update outbox_event set leased_until = null where id = any(cast(:ids as bigint[]))")
                        .setParameter("ids", settlement.released().toArray(Long[]::new)).executeUpdate();
            }
        });
        published.increment(settlement.sent().size());
        refused.increment(settlement.parked().size());
        vacuum.deleted(settlement.sent().size());
    }
}
