package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConsentProofRepository implements PanacheRepositoryBase<ConsentProof, UUID> {

    /** The visitor's latest proof that has not expired at {@code now}. */
    public Optional<ConsentProof> findLatestValid(String siteId, UUID visitorId, Instant now) {
        return find("siteId = ?1 and visitorId = ?2 and expiresAt > ?3", Sort.descending("givenAt"), siteId,
                visitorId, now).firstResultOptional();
    }

    /** The end of the visitor's chain, the proof the next one links to. */
    public Optional<ConsentProof> findLast(UUID visitorId) {
        return find("visitorId", Sort.descending("seq"), visitorId).firstResultOptional();
    }

    /** Writes of one visitor wait for one another, so the chain never forks; other visitors never wait. */
    public void lockChainOf(UUID visitorId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:visitor, 6))")
                .setParameter("visitor", visitorId.toString()).getSingleResult();
    }

    public List<ConsentProof> chainOf(UUID visitorId) {
        return list("visitorId", Sort.ascending("seq").and("givenAt"), visitorId);
    }

    public List<ConsentProof> listByVisitors(Collection<UUID> visitorIds) {
        return visitorIds.isEmpty() ? List.of() : list("visitorId in ?1", visitorIds);
    }

    public List<ConsentProof> ofSiteBetween(String siteId, Instant from, Instant to) {
        return list("siteId = ?1 and givenAt >= ?2 and givenAt < ?3", Sort.ascending("givenAt"), siteId, from, to);
    }
}
