package eu.privacysuite.retention.domain;

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
public class PurgeOrderRepository implements PanacheRepositoryBase<PurgeOrderEntity, UUID> {

    public Optional<PurgeOrderEntity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Orders still waiting for a report since before {@code sentBefore}; rows another replica holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<PurgeOrderEntity> claimUnreported(Instant sentBefore, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from purge_order where status = 'SENT' and last_sent_at < :before
                 order by last_sent_at limit :limit for update skip locked
                """, PurgeOrderEntity.class)
                .setParameter("before", sentBefore).setParameter("limit", limit).getResultList();
    }

    /** Orders to deliver to an external system now (none under another sender's lease); rows another replica holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<PurgeOrderEntity> claimDeliveries(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                select * from purge_order where status = 'DELIVERING' and next_attempt_at <= :now
                 order by next_attempt_at limit :limit for update skip locked
                """, PurgeOrderEntity.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    public List<PurgeOrderEntity> newestFirst(Optional<OrderStatus> status, int page, int size) {
        Sort sort = Sort.descending("orderedAt").and("id");
        return (status.isPresent() ? find("status", sort, status.get()) : findAll(sort))
                .page(Page.of(page, size)).list();
    }

    public long countByStatus(OrderStatus status) {
        return count("status", status);
    }
}
