package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * Appends an entry to the request's chain in one statement (V9__audit_append_in_one_call.sql): it locks the chain's
     * head until the transaction ends, so a concurrent append to the same request waits, and it hashes as AuditChain
     * does. Returns the entry's id.
     */
    public long append(UUID requestId, Instant at, String actor, String event) {
        // PostgreSQL keeps microseconds: truncated here, as the time stored is the time hashed.
        return ((Number) getEntityManager()
                .createNativeQuery("select dsr_audit_append(:id, cast(:at as timestamptz), :actor, :event)")
                .setParameter("id", requestId).setParameter("at", at.truncatedTo(ChronoUnit.MICROS))
                .setParameter("actor", actor).setParameter("event", event).getSingleResult()).longValue();
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
