package eu.privacysuite.shared.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/** Which rows a relay round may publish, in order: the queries of the ordering rules (docs/decisions/0006). */
final class OutboxClaims {

    /** A row whose topic and key have an earlier parked row waits behind it: it must not overtake it. */
    static final String NOT_BEHIND_PARKED = "not exists (select 1 from outbox_event p where p.parked_at is not null"
            + " and p.topic = e.topic and p.message_key = e.message_key and p.id < e.id)";

    private OutboxClaims() {
    }

    /**
     * Locks the oldest publishable rows; rows another replica holds (locked now, or leased by a round still
     * sending them) are skipped.
     */
    @SuppressWarnings("unchecked")
    static List<OutboxEvent> claim(EntityManager entityManager, int limit) {
        return entityManager.createNativeQuery("select e.* from outbox_event e where e.parked_at is null"
                + " and (e.leased_until is null or e.leased_until < now()) and " + NOT_BEHIND_PARKED
                + " order by e.id limit :limit for update of e skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Drops the rows of a topic and key that has an earlier unparked row this round did not claim (another replica
     * holds or leases it), so no lane is published out of order across replicas.
     */
    static List<OutboxEvent> inKeyOrder(EntityManager entityManager, List<OutboxEvent> claimed) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        List<Long> ids = claimed.stream().map(e -> e.id).toList();
        List<String> keys = claimed.stream().map(e -> e.messageKey).distinct().toList();
        List<Object[]> heldElsewhere = entityManager.createQuery(
                "select e.topic, e.messageKey, min(e.id) from OutboxEvent e where e.messageKey in :keys"
                        + " and e.id not in :ids and e.parkedAt is null group by e.topic, e.messageKey", Object[].class)
                .setParameter("keys", keys).setParameter("ids", ids).getResultList();
        if (heldElsewhere.isEmpty()) {
            return claimed;
        }
        Map<List<String>, Long> firstHeld = new HashMap<>();
        heldElsewhere.forEach(row -> firstHeld.put(List.of((String) row[0], (String) row[1]), (Long) row[2]));
        return claimed.stream().filter(e -> {
            Long held = firstHeld.get(List.of(e.topic, e.messageKey));
            return held == null || e.id < held;
        }).toList();
    }
}
