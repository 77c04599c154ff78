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
    public Optional<ConsentProof> findLatestValid(UUID visitorId, Instant now) {
        return find("visitorId = ?1 and expiresAt > ?2", Sort.descending("givenAt"), visitorId, now)
                .firstResultOptional();
    }

    public List<ConsentProof> listByVisitors(Collection<UUID> visitorIds) {
        return visitorIds.isEmpty() ? List.of() : list("visitorId in ?1", visitorIds);
    }
}
