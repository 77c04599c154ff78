package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ParticipantTaskRepository implements PanacheRepositoryBase<ParticipantTask, ParticipantTask.Key> {

    public List<ParticipantTask> ofRequest(UUID requestId) {
        return list("requestId", Sort.by("service"), requestId);
    }

    public List<ParticipantTask> ofRequests(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("requestId in ?1", Sort.by("service"), requestIds);
    }

    /** Requests still in progress with a participant that has been silent since before {@code sentBefore}. */
    public List<UUID> requestsWithSilentParticipants(Instant sentBefore, Collection<String> external, int limit) {
        // The external participants are left out: ExternalDeliveries judges their silence.
        List<String> leftOut = external.isEmpty() ? List.of("") : List.copyOf(external);
        return getEntityManager().createQuery("select distinct t.requestId from ParticipantTask t, DsrRequest r"
                + " where r.id = t.requestId and r.status = :inProgress and t.status = :pending"
                + " and t.lastSentAt < :sentBefore and t.service not in :external", UUID.class)
                .setParameter("external", leftOut)
                .setParameter("inProgress", RequestStatus.IN_PROGRESS).setParameter("pending", TaskStatus.PENDING)
                .setParameter("sentBefore", sentBefore).setMaxResults(limit).getResultList();
    }
}
