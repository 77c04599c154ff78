package eu.privacysuite.dsr.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** A breach's trail and its chain head, locked and read as DsrAuditEntryRepository does a request's. */
@ApplicationScoped
public class BreachAuditRepository implements PanacheRepositoryBase<BreachAuditEntry, Long> {

    public List<BreachAuditEntry> ofBreach(UUID breachId) {
        return list("breachId", Sort.by("id"), breachId);
    }

    /** The breach's chain head, created if need be, locked until the transaction ends. */
    public DsrAuditEntryRepository.Head lockHead(UUID breachId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                insert into breach_audit_head as h (breach_id, entries, hash) values (:id, 0, '')
                on conflict (breach_id) do update set entries = h.entries
                returning h.entries, h.hash
                """).setParameter("id", breachId).getSingleResult();
        return head(row);
    }

    public void moveHead(UUID breachId, long entries, String hash) {
        getEntityManager().createNativeQuery("update breach_audit_head set entries = :entries, hash = :hash "
                + "where breach_id = :id").setParameter("entries", entries).setParameter("hash", hash)
                .setParameter("id", breachId).executeUpdate();
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
