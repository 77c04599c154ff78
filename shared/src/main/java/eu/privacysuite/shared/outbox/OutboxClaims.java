package eu.privacysuite.shared.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * Which rows a relay round may publish, in order: the queries of the ordering rules (docs/decisions/0006). Lists of
 * ids and keys go as one array parameter, so each statement has one text whatever the round's size: Hibernate does
 * not translate it again for each size, and PostgreSQL prepares it once (docs/performance.md, "The owner's side and
 * the relay").
 */
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
        Long[] ids = claimed.stream().map(e -> e.id).toArray(Long[]::new);
        String[] keys = claimed.stream().map(e -> e.messageKey).distinct().toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> heldElsewhere = entityManager.createNativeQuery("select e.topic, e.message_key, min(e.id)"
                + " from outbox_event e where e.message_key = any(cast(:keys as text[]))"
                + " and not e.id = any(cast(:ids as bigint[])) and e.parked_at is null group by e.topic, e.message_key")
                .setParameter("keys", keys).setParameter("ids", ids).getResultList();
        if (heldElsewhere.isEmpty()) {
            return claimed;
        }
        Map<List<String>, Number> firstHeld = new HashMap<>();
        heldElsewhere.forEach(row -> firstHeld.put(List.of((String) row[0], (String) row[1]), (Number) row[2]));
        return claimed.stream().filter(e -> {
            Number held = firstHeld.get(List.of(e.topic, e.messageKey));
            return held == null || e.id < held.longValue();
        }).toList();
    }
}
