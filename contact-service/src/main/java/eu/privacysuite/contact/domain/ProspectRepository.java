package eu.privacysuite.contact.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProspectRepository implements PanacheRepositoryBase<Prospect, UUID> {

    private static final String NOT_RESTRICTED =
            "not exists (from RestrictedSubject s where s.subjectKey = p.subjectKey)";
    private static final String NOT_SUPPRESSED =
            "not exists (from SuppressedSubject o where o.subjectKey = p.subjectKey)";

    /** Adds the prospect unless the subject already has one; two confirmations at once make one, never an error. */
    public boolean insertIfAbsent(Prospect p) {
        return getEntityManager().createNativeQuery("""
                insert into prospect (id, subject_key, civility, first_name, last_name, email, phone, postal_address,
                                      country, collected_at, last_contact_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict (subject_key) do nothing""")
                .setParameter(1, p.id).setParameter(2, p.subjectKey)
                .setParameter(3, p.details.civility == null ? null : p.details.civility.name()).setParameter(4, p.details.firstName)
                .setParameter(5, p.details.lastName).setParameter(6, p.details.email).setParameter(7, p.details.phone)
                .setParameter(8, p.details.postalAddress).setParameter(9, p.details.country).setParameter(10, p.collectedAt)
                .setParameter(11, p.lastContactAt).executeUpdate() == 1;
    }

    public Optional<Prospect> findBySubjectKey(String subjectKey) {
        return find("subjectKey", subjectKey).firstResultOptional();
    }

    /** Prospects the controller may see, optionally matching a search on names or email; restricted left out. */
    public PanacheQuery<Prospect> search(String text) {
        String query = "from Prospect p where " + NOT_RESTRICTED;
        if (text == null || text.isBlank()) {
            return find(query, Sort.ascending("details.lastName", "details.firstName", "id"));
        }
        return find(query + " and (lower(p.details.lastName) like :t or lower(p.details.firstName) like :t"
                + " or p.details.email like :t)",
                Sort.ascending("details.lastName", "details.firstName", "id"),
                Parameters.with("t", "%" + text.strip().toLowerCase(Locale.ROOT) + "%"));
    }

    public List<Prospect> page(String text, int page, int size) {
        return search(text).page(Page.of(page, size)).list();
    }

    /** What may be used for prospecting: neither restricted nor opposed. */
    public List<Prospect> exportable() {
        return list("from Prospect p where " + NOT_RESTRICTED + " and " + NOT_SUPPRESSED,
                Sort.ascending("details.lastName", "details.firstName", "id"));
    }
}
