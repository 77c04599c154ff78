package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The ledger seen by the sweep: records due before a cutoff, not yet in a purge order, and not under a legal
 * hold (on their subject or on themselves). Plain SQL, so that a batch is one indexed statement.
 */
@ApplicationScoped
public class DueRecords {

    private static final String HELD = " exists (select 1 from legal_hold h where h.lifted_at is null"
            + " and (h.subject_key = c.subject_key or (h.category = c.category and h.record_id = c.record_id))) ";

    /** One record of the ledger as the sweep and the controller see it: no subject key. */
    public record DueRecord(UUID id, String category, String recordId, Instant clockStartedAt, Instant dueAt,
            boolean held) {
    }

    /** Per category: records due and purgeable, and records due but held. */
    public record DueCount(String category, long due, long held) {
    }

    private final EntityManager entityManager;

    public DueRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Locks up to {@code limit} purgeable records of the category; rows another sweep holds are skipped. */
    public List<DueRecord> claim(String category, String service, Instant cutoff, int limit) {
        return rows(entityManager.createNativeQuery("""
                select c.id, c.category, c.record_id, c.clock_started_at, c.due_at, false
                  from retention_clock c
                 where c.category = :category and c.service = :service and c.due_at <= :cutoff
                   and c.purge_order_id is null and not """ + HELD + """
                 order by c.due_at limit :limit for update of c skip locked
                """).setParameter("category", category).setParameter("service", service)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList());
    }

    public int markOrdered(List<UUID> ids, UUID orderId) {
        return entityManager.createNativeQuery("update retention_clock set purge_order_id = :order where id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", ids).executeUpdate();
    }

    /** The owner purged these records, or they were gone already: the ledger forgets them. */
    public int forget(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : entityManager.createNativeQuery(
                "delete from retention_clock where purge_order_id = :order and record_id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", recordIds).executeUpdate();
    }

    /** The owner held these records (their clock moved): the next sweep looks at them again. */
    public int release(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : entityManager.createNativeQuery(
                "update retention_clock set purge_order_id = null where purge_order_id = :order and record_id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", recordIds).executeUpdate();
    }

    /** Per category, records due before the cutoff and not ordered yet: purgeable, and held. */
    public List<DueCount> count(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select c.category, count(*) filter (where not """ + HELD + """
                ), count(*) filter (where """ + HELD + """
                ) from retention_clock c where c.due_at <= :cutoff and c.purge_order_id is null
                 group by c.category order by c.category
                """).setParameter("cutoff", cutoff).getResultList();
        return rows.stream().map(r -> new DueCount((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

    /** A page of the records due before the cutoff and not ordered yet, earliest first, held ones flagged. */
    public List<DueRecord> page(Instant cutoff, Optional<String> category, int page, int size) {
        return rows(entityManager.createNativeQuery("""
                select c.id, c.category, c.record_id, c.clock_started_at, c.due_at, """ + HELD + """
                  from retention_clock c
                 where c.due_at <= :cutoff and c.purge_order_id is null
                   and (cast(:category as text) is null or c.category = cast(:category as text))
                 order by c.due_at, c.id offset :offset limit :size
                """).setParameter("cutoff", cutoff).setParameter("category", category.orElse(null))
                .setParameter("offset", (long) page * size).setParameter("size", size).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<DueRecord> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> new DueRecord((UUID) r[0], (String) r[1], (String) r[2],
                instant(r[3]), instant(r[4]), (Boolean) r[5])).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.sql.Timestamp t ? t.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
