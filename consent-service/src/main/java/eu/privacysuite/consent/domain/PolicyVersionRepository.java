package eu.privacysuite.consent.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, PolicyVersion.Key> {

    public Optional<PolicyVersion> findCurrent(String siteId) {
        return find("siteId = ?1 and current = true", siteId).firstResultOptional();
    }

    public Optional<PolicyVersion> findVersion(String siteId, String version) {
        return findByIdOptional(new PolicyVersion.Key(siteId, version));
    }

    /** The site's versions, oldest first. */
    public List<PolicyVersion> ofSite(String siteId) {
        return list("siteId", Sort.ascending("publishedAt"), siteId);
    }

    /** Every site's versions, oldest first within a site. */
    public List<PolicyVersion> allOldestFirst() {
        return listAll(Sort.ascending("siteId", "publishedAt"));
    }

    /** The current version stops being current, before a new one is flushed (one current per site). */
    public void retireCurrent(String siteId) {
        update("current = false where siteId = ?1 and current = true", siteId);
        getEntityManager().flush();
    }
}
