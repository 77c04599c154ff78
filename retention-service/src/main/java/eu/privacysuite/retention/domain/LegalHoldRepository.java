package eu.privacysuite.retention.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, UUID> {

    public List<LegalHold> newestFirst(boolean activeOnly) {
        Sort sort = Sort.descending("placedAt").and("id");
        return activeOnly ? list("liftedAt is null", sort) : listAll(sort);
    }

    public List<LegalHold> activeRestrictionHolds(String subjectKey, String author, String reason) {
        return list("subjectKey = ?1 and placedBy = ?2 and reason = ?3 and liftedAt is null", subjectKey, author, reason);
    }

    /** The ids of the holds on the subject this author placed for this reason, active or lifted. */
    public List<UUID> idsPlacedFor(String subjectKey, String author, String reason) {
        return list("subjectKey = ?1 and placedBy = ?2 and reason = ?3", subjectKey, author, reason).stream()
                .map(h -> h.id).toList();
    }

    public long deleteByIds(List<UUID> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }

    /** The subject's holds and the holds on one of the subject's records, oldest first. */
    public List<LegalHold> coveringSubject(String subjectKey) {
        return list("from LegalHold h where h.subjectKey = ?1 or exists (from LedgerEntry e where e.subjectKey = ?1"
                + " and e.category = h.category and e.recordId = h.recordId)", Sort.ascending("placedAt").and("id"),
                subjectKey);
    }

    public int rekey(String subjectKey, String newSubjectKey) {
        return update("subjectKey = ?1 where subjectKey = ?2", newSubjectKey, subjectKey);
    }
}
