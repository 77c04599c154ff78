package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdentityDocumentRepository implements PanacheRepositoryBase<IdentityDocument, UUID> {

    /** The documents among these of requests closed no later than {@code upTo}, locked; others' locks skipped. */
    @SuppressWarnings("unchecked")
    public List<UUID> claimOfClosed(List<UUID> requestIds, Instant upTo) {
        return getEntityManager().createNativeQuery("""
                select d.request_id from identity_document d join dsr_request r on r.id = d.request_id
                 where d.request_id in (:ids) and r.closed_at <= :upTo for update of d skip locked
                """, UUID.class).setParameter("ids", requestIds).setParameter("upTo", upTo).getResultList();
    }

    public long deleteAll(List<UUID> requestIds) {
        return delete("requestId in ?1", requestIds);
    }

    /** Which of these requests still have a document. */
    public List<UUID> existing(List<UUID> requestIds) {
        return getEntityManager().createQuery(
                "select d.requestId from IdentityDocument d where d.requestId in :ids", UUID.class)
                .setParameter("ids", requestIds).getResultList();
    }
}
