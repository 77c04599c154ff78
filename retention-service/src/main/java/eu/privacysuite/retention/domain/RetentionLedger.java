package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.shared.events.ClockEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RetentionLedger implements PanacheRepositoryBase<LedgerEntry, UUID> {

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
}
