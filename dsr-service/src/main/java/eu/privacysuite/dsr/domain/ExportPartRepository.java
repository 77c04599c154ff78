package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The participants' sealed export parts, kept until the results' download window closes. */
@ApplicationScoped
public class ExportPartRepository implements PanacheRepositoryBase<ExportPart, ExportPart.Key> {

    /** The numbers of parts this participant's stored parts announce: one value when they agree. */
    public List<Integer> announcedParts(UUID requestId, String service) {
        return getEntityManager().createQuery(
                "select distinct parts from ExportPart where requestId = :id and service = :service", Integer.class)
                .setParameter("id", requestId).setParameter("service", service).getResultList();
    }

    /** Stores a part unless it is already there (a re-sent reply carries the same parts). */
    public void storeIfAbsent(UUID requestId, String service, int part, int parts, String sealed, Instant at) {
        getEntityManager().createNativeQuery("""
                insert into dsr_export_part (request_id, service, part, parts, sealed, received_at)
                values (:id, :service, :part, :parts, :sealed, :at) on conflict do nothing
                """).setParameter("id", requestId).setParameter("service", service).setParameter("part", part)
                .setParameter("parts", parts).setParameter("sealed", sealed).setParameter("at", at)
                .executeUpdate();
    }

    public long countOf(UUID requestId, String service) {
        return count("requestId = ?1 and service = ?2", requestId, service);
    }

    /** The request's parts, by service name then part number. */
    public List<ExportPart> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by service, part", requestId);
    }

    public long deleteOf(UUID requestId) {
        return delete("requestId", requestId);
    }
}
