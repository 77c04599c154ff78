package eu.privacysuite.shared.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The operator's view of rows the broker refused for good, and the way to send them again after the cause is
 * fixed (topic created, size limit raised, ACL granted). A service exposes it where it has an admin API.
 */
@ApplicationScoped
public class ParkedEvents {

    /** A parked row as an operator sees it: no key and no payload, only what names the event and the refusal. */
    public record ParkedEvent(long id, UUID eventId, String topic, Instant createdAt, Instant parkedAt, String reason) {
    }

    /** How many rows wait in the outbox: parked, held behind a parked row of their topic and key, and the rest. */
    public record Counts(long parked, long held, long pending, Instant oldestPublishable) {
    }

    private final EntityManager entityManager;
    private final OutboxRelay relay;

    public ParkedEvents(EntityManager entityManager, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.relay = relay;
    }

    public Counts counts() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select count(*) filter (where e.parked_at is not null),"
                        + " count(*) filter (where e.parked_at is null and not b.free),"
                        + " count(*) filter (where e.parked_at is null),"
                        + " min(e.created_at) filter (where e.parked_at is null and b.free)"
                        + " from outbox_event e cross join lateral (select " + OutboxClaims.NOT_BEHIND_PARKED
                        + " as free) b").getSingleResult());
        return new Counts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), toInstant(row[3]));
    }

    /** The oldest parked rows first. */
    public List<ParkedEvent> list(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "from OutboxEvent e where e.parkedAt is not null order by e.id", OutboxEvent.class)
                .setMaxResults(limit).getResultList().stream()
                .map(e -> new ParkedEvent(e.id, e.eventId, e.topic, e.createdAt, e.parkedAt, e.parkedReason))
                .toList());
    }

    /** Puts every parked row back in line (its key's held rows follow it), and returns how many. */
    public int requeueAll() {
        return requeue("update OutboxEvent e set e.parkedAt = null, e.parkedReason = null where e.parkedAt is not null",
                null);
    }

    /** Puts one parked row back in line; 0 when no parked row has this id. */
    public int requeue(long id) {
        return requeue("update OutboxEvent e set e.parkedAt = null, e.parkedReason = null"
                + " where e.parkedAt is not null and e.id = :id", id);
    }

    private int requeue(String update, Long id) {
        int requeued = QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createQuery(update);
            if (id != null) {
                query.setParameter("id", id);
            }
            return query.executeUpdate();
        });
        if (requeued > 0) {
            relay.requeued();
        }
        return requeued;
    }

    private static Instant toInstant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
