package eu.privacysuite.retention.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LegalHoldAuditRepository implements PanacheRepositoryBase<LegalHoldAudit, Long> {

    /** The hold's history, oldest step first. */
    public List<LegalHoldAudit> of(UUID holdId) {
        return list("holdId", Sort.ascending("id"), holdId);
    }

    public long deleteOfHolds(List<UUID> holdIds) {
        return holdIds.isEmpty() ? 0 : delete("holdId in ?1", holdIds);
    }
}
