package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PurgeEvidenceRepository implements PanacheRepositoryBase<PurgeEvidence, Long> {

    /** Evidence reported in [from, to), oldest first. */
    public List<PurgeEvidence> between(Instant from, Instant to, int page, int size) {
        return find("reportedAt >= :from and reportedAt < :to", Sort.ascending("reportedAt").and("id"),
                Parameters.with("from", from).and("to", to)).page(Page.of(page, size)).list();
    }

    public long countBetween(Instant from, Instant to) {
        return count("reportedAt >= :from and reportedAt < :to", Parameters.with("from", from).and("to", to));
    }
}
