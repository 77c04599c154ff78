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
        // The key's lock is held until this transaction ends: a second writer of the key takes its id only after
        // this one has committed or rolled back, so ids of one key are in commit order and the relay's id order is
        // real (docs/decisions/0006). One statement: the select takes the lock before the identity is drawn for
        // the row it yields, and the request pays one round trip, not two.
        entityManager.createNativeQuery("insert into outbox_event (event_id, topic, message_key, payload, created_at)"
                + " select :eventId, :topic, :key, :payload, :createdAt"
                + " from (select pg_advisory_xact_lock(:space, hashtext(:key))) l")
                .setParameter("eventId", envelope.eventId()).setParameter("topic", topic).setParameter("key", key)
                .setParameter("payload", codec.write(envelope)).setParameter("createdAt", Instant.now(clock))
                .setParameter("space", KEY_LOCK_SPACE).executeUpdate();
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
