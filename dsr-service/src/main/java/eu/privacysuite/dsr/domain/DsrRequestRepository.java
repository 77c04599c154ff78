package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DsrRequestRepository implements PanacheRepositoryBase<DsrRequest, UUID> {

    /** The request, locked: replies and re-sends of one request take turns. */
    public Optional<DsrRequest> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<DsrRequest> newestFirst(RequestStatus status, int limit) {
        Sort newest = Sort.by("receivedAt", Sort.Direction.Descending).and("id");
        var query = status == null ? findAll(newest) : find("status", newest, status);
        return query.page(Page.ofSize(limit)).list();
    }

    /**
     * Whether a command with this eventId still waits in the outbox, i.e. has not been published yet. The relay
     * removes a row once the broker has it; that is the only thing this relies on.
     */
    public boolean awaitingPublication(UUID commandEventId) {
        return ((Number) getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_id = :eventId")
                .setParameter("eventId", commandEventId).getSingleResult()).longValue() > 0;
    }

    public long countOpen() {
        return count("status <> ?1", RequestStatus.COMPLETED);
    }

    public long countOverdue(Instant now) {
        return count("status <> ?1 and dueAt < ?2", RequestStatus.COMPLETED, now);
    }
}
