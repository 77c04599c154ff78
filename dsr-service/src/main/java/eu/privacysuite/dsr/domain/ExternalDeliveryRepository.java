package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExternalDeliveryRepository implements PanacheRepositoryBase<ExternalDelivery, ExternalDelivery.Key> {

    /** Deliveries due now, locked and skipped by another replica's dispatcher. */
    @SuppressWarnings("unchecked")
    public List<ExternalDelivery> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from external_delivery where state = 'SENDING'"
                + " and next_attempt_at <= ?1 order by next_attempt_at limit ?2 for update skip locked",
                ExternalDelivery.class).setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Unanswered deliveries of requests in progress, first sent before {@code sentBefore}. */
    public List<ExternalDelivery> unansweredSince(Instant sentBefore, int limit) {
        return getEntityManager().createQuery("select d from ExternalDelivery d, DsrRequest r where r.id = d.requestId"
                + " and r.status = :inProgress and d.state <> :answered and d.firstSentAt < :sentBefore",
                ExternalDelivery.class)
                .setParameter("inProgress", RequestStatus.IN_PROGRESS)
                .setParameter("answered", ExternalDelivery.State.ANSWERED)
                .setParameter("sentBefore", sentBefore).setMaxResults(limit).getResultList();
    }

    public ExternalDelivery lock(UUID requestId, String participant) {
        return findById(new ExternalDelivery.Key(requestId, participant),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public long deleteOf(UUID requestId) {
        return delete("requestId", requestId);
    }

    /** Records a callback's signature; false when it was already seen (a replay). */
    public boolean firstSighting(String signatureHash, Instant now) {
        return getEntityManager().createNativeQuery("insert into external_callback_seen (signature_hash, seen_at)"
                + " values (?1, ?2) on conflict do nothing").setParameter(1, signatureHash).setParameter(2, now)
                .executeUpdate() == 1;
    }

    public int forgetSightingsBefore(Instant before) {
        return getEntityManager().createNativeQuery("delete from external_callback_seen where seen_at < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
