package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.shared.events.ClockEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The ledger: one clock per record, started and restarted by lifecycle events; and, for the sweep, the records due
 * before a cutoff, not yet in a purge order, and not under a legal hold. The sweep's queries are plain SQL, so
 * that a batch is one indexed statement.
 */
@ApplicationScoped
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** The rule of LegalHold.covers in SQL: an active hold on the record's subject or on the record itself. */
    private static final String HELD = " exists (select 1 from legal_hold h where h.lifted_at is null"
            + " and (h.subject_key = c.subject_key or (h.category = c.category and h.record_id = c.record_id))) ";


    public Optional<LedgerEntry> findRecord(String service, String category, String recordId) {
        return find("service = ?1 and category = ?2 and recordId = ?3", service, category, recordId)
                .firstResultOptional();
    }

    /**
     * Starts or restarts a record's clock in one statement (safe against a concurrent first event); a clock
     * already started later than {@code startedAt} is left alone. A restarted clock leaves any purge order it was
     * in (the owner will hold the record). Returns false when nothing moved.
     */
    public boolean startOrRestart(String service, String category, String recordId, String subjectKey,
            ClockEvent event, Instant startedAt, Instant dueAt, Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into retention_clock (id, service, category, record_id, subject_key, clock_event,
                                             clock_started_at, due_at, updated_at)
                values (:id, :service, :category, :recordId, :subjectKey, :event, :startedAt, :dueAt, :now)
                on conflict (service, category, record_id) do update
                   set subject_key = coalesce(excluded.subject_key, retention_clock.subject_key),
                       clock_event = excluded.clock_event, clock_started_at = excluded.clock_started_at,
                       due_at = excluded.due_at, updated_at = excluded.updated_at, purge_order_id = null
                 where retention_clock.clock_started_at <= excluded.clock_started_at
                """)
                .setParameter("id", UUID.randomUUID()).setParameter("service", service)
                .setParameter("category", category).setParameter("recordId", recordId)
                .setParameter("subjectKey", subjectKey).setParameter("event", event.name())
                .setParameter("startedAt", startedAt).setParameter("dueAt", dueAt).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The owner deleted the record: nothing is left to purge. */
    public long forget(String service, String category, String recordId) {
        return delete("service = ?1 and category = ?2 and recordId = ?3", service, category, recordId);
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }

    /** A changed email: the subject's entries follow it to its new key. */
    public int rekey(String subjectKey, String newSubjectKey) {
        return update("subjectKey = ?1 where subjectKey = ?2", newSubjectKey, subjectKey);
    }

    /** Per category: how many records, how many due at {@code now}, and the first due date after it. */
    public List<CategoryCount> countByCategory(Instant now) {
        return getEntityManager().createQuery("""
                select e.category, count(e), count(e) filter (where e.dueAt <= :now),
                       min(e.dueAt) filter (where e.dueAt > :now)
                  from LedgerEntry e group by e.category
                """, Object[].class)
                .setParameter("now", now).getResultList().stream()
                .map(row -> new CategoryCount((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), (Instant) row[3]))
                .toList();
    }

    /** Locks up to {@code limit} purgeable records of the category; rows another sweep holds are skipped. */
    public List<DueRecord> claim(String category, String service, Instant cutoff, int limit) {
        return rows(getEntityManager().createNativeQuery("""
                select c.id, c.category, c.record_id, c.clock_started_at, c.due_at, false
                  from retention_clock c
                 where c.category = :category and c.service = :service and c.due_at <= :cutoff
                   and c.purge_order_id is null and not """ + HELD + """
                 order by c.due_at limit :limit for update of c skip locked
                """).setParameter("category", category).setParameter("service", service)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList());
    }

    public int markOrdered(List<UUID> ids, UUID orderId) {
        return getEntityManager().createNativeQuery("update retention_clock set purge_order_id = :order where id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", ids).executeUpdate();
    }

    /** The owner purged these records, or they were gone already: the ledger forgets them. */
    public int forgetOrdered(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : getEntityManager().createNativeQuery(
                "delete from retention_clock where purge_order_id = :order and record_id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", recordIds).executeUpdate();
    }

    /** The owner held these records (their clock moved): the next sweep looks at them again. */
    public int releaseOrdered(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : getEntityManager().createNativeQuery(
                "update retention_clock set purge_order_id = null where purge_order_id = :order and record_id in (:ids)")
                .setParameter("order", orderId).setParameter("ids", recordIds).executeUpdate();
    }

    /** Per category, records due before the cutoff and not ordered yet: purgeable, and held. */
    public List<DueCount> countDue(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select c.category, count(*) filter (where not """ + HELD + """
                ), count(*) filter (where """ + HELD + """
                ) from retention_clock c where c.due_at <= :cutoff and c.purge_order_id is null
                 group by c.category order by c.category
                """).setParameter("cutoff", cutoff).getResultList();
        return rows.stream().map(r -> new DueCount((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

    /** A page of the records due before the cutoff and not ordered yet, earliest first, held ones flagged. */
    public List<DueRecord> pageDue(Instant cutoff, Optional<String> category, int page, int size) {
        return rows(getEntityManager().createNativeQuery("""
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
