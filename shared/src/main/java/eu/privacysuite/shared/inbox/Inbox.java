package eu.privacysuite.shared.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The idempotent consumer: a handled eventId is recorded in the same transaction as its effect, so a
 * redelivered event is recognised and its effect is not applied twice.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;

    public Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records the event for this consumer; false when it was handled before. */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId, :at)"
                        + " on conflict do nothing")
                .setParameter("consumer", consumer).setParameter("eventId", eventId)
                .setParameter("at", Instant.now(clock))
                .executeUpdate() == 1;
    }

    /**
     * Records a poll batch's events for this consumer in one statement; returns those handled for the first time
     * (an id given twice counts once). A UUID's text is only hex digits and dashes, so the list travels as one
     * text parameter, cut and cast by the database.
     */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String ids = eventIds.stream().distinct().map(UUID::toString).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object> inserted = entityManager.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) select :consumer, id, :at"
                        + " from unnest(cast(string_to_array(:ids, ',') as uuid[])) as id"
                        + " on conflict do nothing returning event_id")
                .setParameter("consumer", consumer).setParameter("ids", ids).setParameter("at", Instant.now(clock))
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        inserted.forEach(id -> fresh.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())));
        return fresh;
    }

    /** Keeps the reply the effect produced, so that a duplicate gets the same reply again. */
    @Transactional(TxType.MANDATORY)
    public void rememberReply(String consumer, UUID eventId, String reply) {
        entityManager.createNativeQuery(
                "update processed_event set reply = :reply where consumer = :consumer and event_id = :eventId")
                .setParameter("reply", reply).setParameter("consumer", consumer).setParameter("eventId", eventId)
                .executeUpdate();
    }

    @Transactional(TxType.MANDATORY)
    public Optional<String> reply(String consumer, UUID eventId) {
        @SuppressWarnings("unchecked")
        List<String> replies = entityManager.createNativeQuery(
                "select reply from processed_event where consumer = :consumer and event_id = :eventId")
                .setParameter("consumer", consumer).setParameter("eventId", eventId).getResultList();
        return replies.stream().filter(r -> r != null).findFirst();
    }
}
