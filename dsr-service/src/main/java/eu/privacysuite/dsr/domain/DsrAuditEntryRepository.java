package eu.privacysuite.dsr.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DsrAuditEntryRepository implements PanacheRepositoryBase<DsrAuditEntry, Long> {

    /** A request's chain head: how many entries were appended, and the last one's hash (null before the first). */
    public record Head(long entries, String hash) {
    }

    public List<DsrAuditEntry> ofRequest(UUID requestId) {
        return list("requestId", Sort.by("id"), requestId);
    }

    /** The request's chain head, created if need be, locked until the transaction ends. */
    public Head lockHead(UUID requestId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                insert into dsr_audit_head as h (request_id, entries, hash) values (:id, 0, '')
                on conflict (request_id) do update set entries = h.entries
                returning h.entries, h.hash
                """).setParameter("id", requestId).getSingleResult();
        return head(row);
    }

    public void moveHead(UUID requestId, long entries, String hash) {
        getEntityManager().createNativeQuery("update dsr_audit_head set entries = :entries, hash = :hash "
                + "where request_id = :id").setParameter("entries", entries).setParameter("hash", hash)
                .setParameter("id", requestId).executeUpdate();
    }

    /**
     * The request's chain head as committed, held (share lock) until the transaction ends so that no append lands
     * between it and a read of the entries; no entries if it has none.
     */
    public Head readHead(UUID requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select entries, hash from dsr_audit_head where request_id = :id for share")
                .setParameter("id", requestId).getResultList();
        return rows.isEmpty() ? new Head(0, null) : head(rows.get(0));
    }

    private static Head head(Object[] row) {
        String hash = (String) row[1];
        return new Head(((Number) row[0]).longValue(), hash.isEmpty() ? null : hash);
    }
}
