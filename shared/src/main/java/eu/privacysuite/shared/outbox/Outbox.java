package eu.privacysuite.shared.outbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;

/**
 * The only way the suite emits an event: the event row joins the caller's transaction, so it exists if and
 * only if the state change committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(EntityManager entityManager, EventCodec codec, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, Clock clock) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void publish(String topic, String key, EventEnvelope envelope) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.topic = topic;
        event.messageKey = key;
        event.payload = codec.write(envelope);
        event.createdAt = Instant.now(clock);
        entityManager.persist(event);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
