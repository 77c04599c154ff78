package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class VisitorLinkRepository implements PanacheRepositoryBase<VisitorLink, VisitorLink.Key> {

    /** Links the visitor to the subject; a link that exists already is left as it is. */
    public void link(UUID visitorId, String subjectKey, Instant linkedAt) {
        getEntityManager().createNativeQuery("insert into visitor_link (visitor_id, subject_key, linked_at)"
                + " values (:visitor, :subject, :at) on conflict do nothing")
                .setParameter("visitor", visitorId).setParameter("subject", subjectKey).setParameter("at", linkedAt)
                .executeUpdate();
    }

    public List<UUID> visitorsOf(String subjectKey) {
        return getEntityManager().createQuery("select l.visitorId from VisitorLink l where l.subjectKey = :subject",
                UUID.class).setParameter("subject", subjectKey).getResultList();
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
