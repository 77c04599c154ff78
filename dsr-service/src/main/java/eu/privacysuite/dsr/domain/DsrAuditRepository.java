package eu.privacysuite.dsr.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DsrAuditRepository implements PanacheRepositoryBase<DsrAuditEntry, Long> {

    public List<DsrAuditEntry> ofRequest(UUID requestId) {
        return list("requestId", Sort.by("id"), requestId);
    }
}
