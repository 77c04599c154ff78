package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class VisitorLinkRepository implements PanacheRepositoryBase<VisitorLink, VisitorLink.Key> {

    /**
     * Links the visitor to the subject; a link that exists already is left as it is. A new link of a restricted
     * subject is restricted too.
     */
    public void link(UUID visitorId, String subjectKey, Instant linkedAt) {
        getEntityManager().createNativeQuery("insert into visitor_link (visitor_id, subject_key, linked_at, restricted_at)"
                + " values (:visitor, :subject, :at, (select max(l.restricted_at) from visitor_link l"
                + " where l.subject_key = :subject)) on conflict do nothing")
                .setParameter("visitor", visitorId).setParameter("subject", subjectKey).setParameter("at", linkedAt)
                .executeUpdate();
    }

    /**
     * The subject keys linked to a visitor with a consent proof given in [from, until): the people a breach of the
     * consent proofs made in that window touches (GDPR art. 34).
     */
    @SuppressWarnings("unchecked")
    public List<String> subjectsWithProofsGiven(java.time.Instant from, java.time.Instant until) {
        return getEntityManager().createNativeQuery("""
                select distinct l.subject_key from visitor_link l
                where exists (select 1 from consent_proof p where p.visitor_id = l.visitor_id
                              and p.given_at >= ?1 and p.given_at < ?2)
                order by l.subject_key""").setParameter(1, from).setParameter(2, until).getResultList();
    }

    public List<UUID> visitorsOf(String subjectKey) {
        return getEntityManager().createQuery("select l.visitorId from VisitorLink l where l.subjectKey = :subject",
                UUID.class).setParameter("subject", subjectKey).getResultList();
    }

    public List<VisitorLink> ofSubject(String subjectKey) {
        return list("subjectKey", Sort.ascending("linkedAt", "visitorId"), subjectKey);
    }

    /** Sets (a time) or clears (null) the restriction on the subject's links; returns how many changed. */
    public int restrict(String subjectKey, Instant restrictedAt) {
        if (restrictedAt == null) {
            return update("restrictedAt = null where subjectKey = ?1 and restrictedAt is not null", subjectKey);
        }
        return update("restrictedAt = ?1 where subjectKey = ?2 and restrictedAt is null", restrictedAt, subjectKey);
    }

    /**
     * Moves the subject's links to a new key (a corrected email); a visitor linked to both keys keeps one link,
     * restricted if either was. Returns how many links the subject had.
     */
    public int rekey(String subjectKey, String newSubjectKey) {
        getEntityManager().createNativeQuery("""
                update visitor_link n set restricted_at = coalesce(n.restricted_at, o.restricted_at)
                  from visitor_link o where o.subject_key = :from and n.subject_key = :to and n.visitor_id = o.visitor_id
                """).setParameter("from", subjectKey).setParameter("to", newSubjectKey).executeUpdate();
        int merged = getEntityManager().createNativeQuery("""
                delete from visitor_link o where o.subject_key = :from
                   and exists (select 1 from visitor_link n where n.subject_key = :to and n.visitor_id = o.visitor_id)
                """).setParameter("from", subjectKey).setParameter("to", newSubjectKey).executeUpdate();
        return merged + getEntityManager().createNativeQuery(
                "update visitor_link set subject_key = :to where subject_key = :from")
                .setParameter("from", subjectKey).setParameter("to", newSubjectKey).executeUpdate();
    }

    public long deleteBySubjectKey(String subjectKey) {
        return delete("subjectKey", subjectKey);
    }
}
