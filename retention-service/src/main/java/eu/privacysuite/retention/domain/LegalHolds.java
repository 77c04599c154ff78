package eu.privacysuite.retention.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LegalHolds implements PanacheRepositoryBase<LegalHold, UUID> {

    public List<LegalHold> newestFirst(boolean activeOnly) {
        Sort sort = Sort.descending("placedAt").and("id");
        return activeOnly ? list("liftedAt is null", sort) : listAll(sort);
    }

    public List<LegalHoldAudit> auditOf(UUID holdId) {
        return LegalHoldAudit.list("holdId", Sort.ascending("id"), holdId);
    }
}
