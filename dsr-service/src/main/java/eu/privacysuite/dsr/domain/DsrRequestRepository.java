package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import eu.privacysuite.shared.events.DsrAction;
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
        return count("status in ?1", RequestStatus.OPEN);
    }

    /** Open, the clock running (identity not awaited), and past the due date. */
    public long countOverdue(Instant now) {
        return count(OVERDUE, RequestStatus.OPEN, now);
    }

    /** Open, the clock running, due from now to {@code before}. */
    public long countDueSoon(Instant now, Instant before) {
        return count(DUE_SOON, RequestStatus.OPEN, now, before);
    }

    public List<DsrRequest> overdue(Instant now, int limit) {
        return find(OVERDUE, Sort.by("dueAt").and("id"), RequestStatus.OPEN, now).page(Page.ofSize(limit)).list();
    }

    public List<DsrRequest> dueSoon(Instant now, Instant before, int limit) {
        return find(DUE_SOON, Sort.by("dueAt").and("id"), RequestStatus.OPEN, now, before).page(Page.ofSize(limit))
                .list();
    }

    /** Serialises, until the transaction ends, the intakes of one subject: two at once cannot both be first. */
    public void lockSubject(String subjectKey) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", subjectKey).getSingleResult();
    }

    /** The open request of this type for this subject, if any: a new one is its duplicate. */
    public Optional<DsrRequest> openOf(String subjectKey, DsrAction type) {
        return find("subjectKey = ?1 and type = ?2 and status in ?3", Sort.by("receivedAt"), subjectKey, type,
                RequestStatus.OPEN).firstResultOptional();
    }

    /** The subject's requests in these statuses, oldest first. */
    public List<DsrRequest> openOf(String subjectKey, java.util.Set<RequestStatus> statuses) {
        return list("subjectKey = ?1 and status in ?2", Sort.by("receivedAt"), subjectKey, statuses);
    }

    /** Which of these requests are closed no later than {@code upTo}, locked; others' locks skipped. */
    @SuppressWarnings("unchecked")
    public List<UUID> claimClosed(List<UUID> ids, Instant upTo) {
        return getEntityManager().createNativeQuery("""
                select id from dsr_request where id in (:ids) and status in ('COMPLETED', 'REJECTED', 'CANCELLED')
                   and closed_at <= :upTo
                   for update skip locked
                """, UUID.class).setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }

    /** Deletes these requests; their tasks and audit trail go with them (foreign keys cascade). */
    public void deleteAll(List<UUID> ids) {
        getEntityManager().createNativeQuery("delete from dsr_request where id in (:ids)").setParameter("ids", ids)
                .executeUpdate();
    }

    /** Keeps these requests and their trail, without the subject key and visitor ids. */
    public void anonymize(List<UUID> ids) {
        getEntityManager().createNativeQuery(
                "update dsr_request set subject_key = null, visitor_ids = null where id in (:ids)")
                .setParameter("ids", ids).executeUpdate();
    }

    /** Which of these requests are stored. */
    public List<UUID> existing(List<UUID> ids) {
        return getEntityManager().createQuery("select r.id from DsrRequest r where r.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList();
    }

    private static final String OVERDUE = "status in ?1 and clockPausedSince is null and dueAt < ?2";
    private static final String DUE_SOON = "status in ?1 and clockPausedSince is null and dueAt >= ?2 and dueAt < ?3";
}
