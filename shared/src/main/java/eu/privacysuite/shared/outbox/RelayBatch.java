package eu.privacysuite.shared.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.Producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One round of the relay, in one transaction: claim rows in order, send them ({@link RelayRound}), delete what
 * the broker acknowledged, park what it refused for good.
 */
@ApplicationScoped
class RelayBatch {

    /** What a round did; {@code fault} is set when some row met a passing fault and stays for the next round. */
    record Outcome(int published, int parked, Throwable fault) {
    }

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter refused;
    private final boolean compressed;

    RelayBatch(EntityManager entityManager, OutboxConfig config, Clock clock, MeterRegistry registry,
            RelayClients clients) {
        this.compressed = clients.compresses();
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
        return QuarkusTransaction.requiringNew().call(() -> {
            RelayRound round = new RelayRound(producer, topics, clock, compressed);
            round.run(OutboxClaims.inKeyOrder(entityManager, OutboxClaims.claim(entityManager, config.batchSize())),
                    oneByOne);
            if (!round.sent().isEmpty()) {
                entityManager.createQuery("delete from OutboxEvent e where e.id in :ids")
                        .setParameter("ids", round.sent()).executeUpdate();
                published.increment(round.sent().size());
            }
            refused.increment(round.parked());
            return new Outcome(round.sent().size(), round.parked(), round.fault());
        });
    }

}
