package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContactRequestRepository implements PanacheRepositoryBase<ContactRequest, UUID> {

    public Optional<ContactRequest> findByIdempotencyKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    public List<ContactRequest> findBySubjectKey(String subjectKey) {
        return list("subjectKey", subjectKey);
    }

    /**
     * Minors' requests whose parent did not confirm in time. Native SQL, as the other statements of the
     * holds-and-tokens job: its first run would otherwise parse HQL for the first time (ANTLR's warm-up, about a
     * second on a loaded machine) inside the job's transaction.
     */
    @SuppressWarnings("unchecked")
    public List<ContactRequest> expiredHolds(Instant now) {
        return getEntityManager().createNativeQuery("select * from contact_request where minor"
                + " and parent_confirmed_at is null and hold_expires_at < :now", ContactRequest.class)
                .setParameter("now", now).getResultList();
    }

    /** The requests the controller may see: a restricted subject's are left out. */
    public List<ContactRequest> visiblePage(int page, int size) {
        return find("from ContactRequest r where not exists (from RestrictedSubject s where s.subjectKey = r.subjectKey)",
                Sort.descending("receivedAt")).page(Page.of(page, size)).list();
    }

    /** One request, unless its subject is restricted. */
    public Optional<ContactRequest> findVisible(UUID id) {
        return find("from ContactRequest r where r.id = ?1 and not exists "
                + "(from RestrictedSubject s where s.subjectKey = r.subjectKey)", id).firstResultOptional();
    }

    public long countVisible() {
        return count("from ContactRequest r where not exists (from RestrictedSubject s where s.subjectKey = r.subjectKey)");
    }
}
