package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import eu.privacysuite.shared.events.ClockEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The ledger: one clock per record, started and restarted by lifecycle events; and, for the sweep, the records due
 * before a cutoff, not yet in a purge order, and not under a legal hold. A record in an order has a row in
 * {@code purge_order_record} (V50) until its owner reports; the ledger row itself is not updated, so ordering a batch
 * adds no index entries to the ledger. The sweep's queries are plain SQL, so that a batch is one indexed statement.
 */
@ApplicationScoped
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** The rule of LegalHold.covers in SQL: an active hold on the record's subject or on the record itself. */
    private static final String HELD = " exists (select 1 from legal_hold h where h.lifted_at is null"
            + " and (h.subject_key = c.subject_key or (h.category = c.category and h.record_id = c.record_id))) ";
    /** Records in a purge order whose owner has not reported. */
    private static final String ORDERED = " exists (select 1 from purge_order_record o where o.clock_id = c.id) ";
    /**
     * The same test for the sweep's claim, written as a subquery that PostgreSQL runs for each candidate row (one
     * probe of the primary key), so that the plan does not depend on statistics: on a server without autovacuum
     * this table is never analysed. Queries below write {@code = any(array(select ...))} for the same reason: an
     * index scan whatever the statistics. A report's record ids are joined as a set (one array parameter, unnested)
     * rather than tested with {@code in (...)}: with bind parameters PostgreSQL tests an {@code in} list element by
     * element for every row; in bench/purge-million the forget of a 1,000-record order took 72 ms with the list and
     * 24 ms with the set.
     */
    private static final String NOT_ORDERED_PROBE =
            " (select o.clock_id from purge_order_record o where o.clock_id = c.id) is null ";
    /** The ledger rows of order {@code :order} whose record is one of {@code :ids} (a text array). */
    private static final String NAMED_IN_ORDER = """
            select c.id from retention_clock c join (select distinct unnest(cast(:ids as text[])) as record_id) r
                on c.record_id = r.record_id
             where c.id = any(array(select clock_id from purge_order_record where order_id = :order))""";


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
        return ((Number) getEntityManager().createNativeQuery("""
                with moved as (
                    insert into retention_clock (id, service, category, record_id, subject_key, clock_event,
                                                 clock_started_at, due_at, updated_at)
                    values (:id, :service, :category, :recordId, :subjectKey, :event, :startedAt, :dueAt, :now)
                    on conflict (service, category, record_id) do update
                       set subject_key = coalesce(excluded.subject_key, retention_clock.subject_key),
                           clock_event = excluded.clock_event, clock_started_at = excluded.clock_started_at,
                           due_at = excluded.due_at, updated_at = excluded.updated_at
                     where retention_clock.clock_started_at <= excluded.clock_started_at
                    returning id),
                left_its_order as (delete from purge_order_record where clock_id = any(array(select id from moved)))
                select count(*) from moved
                """)
                .setParameter("id", UUID.randomUUID()).setParameter("service", service)
                .setParameter("category", category).setParameter("recordId", recordId)
                .setParameter("subjectKey", subjectKey).setParameter("event", event.name())
                .setParameter("startedAt", startedAt).setParameter("dueAt", dueAt).setParameter("now", now)
                .getSingleResult()).longValue() == 1;
    }

    /** The owner deleted the record: nothing is left to purge. */
    public long forget(String service, String category, String recordId) {
        return deleteWithOrders("service = :service and category = :category and record_id = :recordId",
                Map.of("service", service, "category", category, "recordId", recordId));
    }

    public long deleteBySubjectKey(String subjectKey) {
        return deleteWithOrders("subject_key = :subjectKey", Map.of("subjectKey", subjectKey));
    }

    /** Deletes ledger rows and, in the same statement, their place in any purge order. */
    private long deleteWithOrders(String where, Map<String, Object> parameters) {
        Query query = getEntityManager().createNativeQuery("""
                with gone as (delete from retention_clock where %s returning id),
                     out_of_orders as (delete from purge_order_record where clock_id = any(array(select id from gone)))
                select count(*) from gone
                """.formatted(where));
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
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

    /**
     * Locks up to {@code limit} purgeable records of the category, earliest first in (due_at, seq) order, from the
     * start or after {@code after}; rows another transaction holds are skipped (the next sweep finds them). A sweep
     * passes the cursor of its previous batch, so that no batch reads again the records the batches before it
     * ordered.
     */
    public Claimed claim(String category, String service, Instant cutoff, Optional<Cursor> after, int limit) {
        Query query = getEntityManager().createNativeQuery("""
                select c.id, c.category, c.record_id, c.clock_started_at, c.due_at, false, c.seq
                  from retention_clock c
                 where c.category = :category and c.service = :service and c.due_at <= :cutoff
                """ + (after.isPresent() ? "   and (c.due_at, c.seq) > (:afterDue, :afterSeq)\n" : "") + """
                   and """ + NOT_ORDERED_PROBE + " and not " + HELD + """
                 order by c.due_at, c.seq limit :limit for update of c skip locked
                """).setParameter("category", category).setParameter("service", service)
                .setParameter("cutoff", cutoff).setParameter("limit", limit);
        after.ifPresent(at -> query.setParameter("afterDue", at.dueAt()).setParameter("afterSeq", at.seq()));
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        if (result.isEmpty()) {
            return new Claimed(List.of(), after);
        }
        Object[] last = result.get(result.size() - 1);
        return new Claimed(rows(result), Optional.of(new Cursor(instant(last[4]), ((Number) last[6]).longValue())));
    }

    /** A batch of claimed records, and the cursor after its last one. */
    public record Claimed(List<DueRecord> records, Optional<Cursor> next) {
    }

    public int markOrdered(List<UUID> ids, UUID orderId) {
        return getEntityManager().createNativeQuery("""
                insert into purge_order_record (clock_id, order_id)
                select id, :order from unnest(cast(:ids as uuid[])) as id
                """).setParameter("order", orderId)
                .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).executeUpdate();
    }

    /** The owner purged these records, or they were gone already: the ledger forgets them. */
    public long forgetOrdered(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : deleteWithOrders("id = any(array(" + NAMED_IN_ORDER + "))",
                Map.of("order", orderId, "ids", recordIds.toArray(String[]::new)));
    }

    /** The owner held these records (their clock moved): the next sweep looks at them again. */
    public int releaseOrdered(UUID orderId, List<String> recordIds) {
        return recordIds.isEmpty() ? 0 : getEntityManager()
                .createNativeQuery("delete from purge_order_record where clock_id = any(array(" + NAMED_IN_ORDER + "))")
                .setParameter("order", orderId).setParameter("ids", recordIds.toArray(String[]::new)).executeUpdate();
    }

    /** Per category, records due before the cutoff and not ordered yet: purgeable, and held. */
    public List<DueCount> countDue(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select c.category, count(*) filter (where not """ + HELD + """
                ), count(*) filter (where """ + HELD + """
                ) from retention_clock c where c.due_at <= :cutoff and not """ + ORDERED + """
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
                 where c.due_at <= :cutoff and not """ + ORDERED + """
                   and (cast(:category as text) is null or c.category = cast(:category as text))
                 order by c.due_at, c.id offset :offset limit :size
                """).setParameter("cutoff", cutoff).setParameter("category", category.orElse(null))
                .setParameter("offset", (long) page * size).setParameter("size", size).getResultList());
    }

    /** A place in a category's (due_at, seq) order: where the sweep's next batch starts. */
    public record Cursor(Instant dueAt, long seq) {
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
