package eu.privacysuite.dsr.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RecipientNoticeRepository implements PanacheRepositoryBase<RecipientNotice, RecipientNotice.Key> {

    public List<RecipientNotice> ofRequest(UUID requestId) {
        return list("requestId", Sort.by("recipient"), requestId);
    }
}
