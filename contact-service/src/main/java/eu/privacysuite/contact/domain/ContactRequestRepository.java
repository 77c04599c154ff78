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

    /** Minors' requests whose parent did not confirm in time. */
    public List<ContactRequest> expiredHolds(Instant now) {
        return list("minor = true and parentConfirmedAt is null and holdExpiresAt < ?1", now);
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
