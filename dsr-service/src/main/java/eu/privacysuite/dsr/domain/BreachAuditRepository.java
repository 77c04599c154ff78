package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** A breach's trail and its chain head, appended to and read as DsrAuditEntryRepository does a request's. */
@ApplicationScoped
public class BreachAuditRepository implements PanacheRepositoryBase<BreachAuditEntry, Long> {

    public List<BreachAuditEntry> ofBreach(UUID breachId) {
        return list("breachId", Sort.by("id"), breachId);
    }

    /** Appends an entry to the breach's chain in one statement, as DsrAuditEntryRepository.append does a request's. */
    public long append(UUID breachId, Instant at, String actor, String event) {
        // PostgreSQL keeps microseconds: truncated here, as the time stored is the time hashed.
        return ((Number) getEntityManager()
                .createNativeQuery("select breach_audit_append(:id, cast(:at as timestamptz), :actor, :event)")
                .setParameter("id", breachId).setParameter("at", at.truncatedTo(ChronoUnit.MICROS))
                .setParameter("actor", actor).setParameter("event", event).getSingleResult()).longValue();
    }

    /** The head as committed, share-locked until the transaction ends; no entries if it has none. */
    public DsrAuditEntryRepository.Head readHead(UUID breachId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select entries, hash from breach_audit_head where breach_id = :id for share")
                .setParameter("id", breachId).getResultList();
        return rows.isEmpty() ? new DsrAuditEntryRepository.Head(0, null) : head(rows.get(0));
    }

    private static DsrAuditEntryRepository.Head head(Object[] row) {
        String hash = (String) row[1];
        return new DsrAuditEntryRepository.Head(((Number) row[0]).longValue(), hash.isEmpty() ? null : hash);
    }
}
