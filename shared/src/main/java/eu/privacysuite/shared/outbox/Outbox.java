package eu.privacysuite.shared.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

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
 * only if the state change committed. {@link OutboxRelay} publishes it afterwards and deletes it once the broker
 * has it, so a row that is still there has not left the outbox ({@link #waiting}).
 */
@ApplicationScoped
public class Outbox {

    /** First key of the transaction-scoped advisory locks that serialize the writers of one message key. */
    static final int KEY_LOCK_SPACE = 0x6f7574; // "out"

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
        // Held until this transaction ends: a second writer of the key takes its id only after this one has
        // committed or rolled back, so ids of one key are in commit order and the relay's id order is real
        // (docs/decisions/0006).
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:space, hashtext(:key))) l")
                .setParameter("space", KEY_LOCK_SPACE).setParameter("key", key).getSingleResult();
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

    /**
     * Whether an event with this id is still in the outbox: not yet published, or parked. False once the broker
     * has acknowledged it (the relay deletes the row then), and for an id that was never written.
     */
    @Transactional
    public boolean waiting(UUID eventId) {
        return !entityManager.createQuery("select 1 from OutboxEvent e where e.eventId = :id")
                .setParameter("id", eventId).setMaxResults(1).getResultList().isEmpty();
    }
}
