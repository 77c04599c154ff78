package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ResultsWindowRepository implements PanacheRepositoryBase<ResultsWindow, UUID> {

    /** Requests whose window closed by {@code now} and whose parts are not deleted yet, at most {@code limit}. */
    public List<UUID> expired(Instant now, int limit) {
        return find("deletedAt is null and availableUntil <= ?1", now).page(0, limit).stream()
                .map(w -> w.requestId).toList();
    }
}
