package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.PurgeParticipant;

/**
 * Retention of closed data-subject requests (DSR_CASE): once kept long enough as proof of compliance, a request
 * closed (completed, rejected or cancelled) goes with its participant tasks and audit trail (foreign keys cascade),
 * or under ANONYMIZE keeps them (closing already took its subject key and visitor ids). IDENTITY_DOCUMENT orders
 * delete identity documents of closed requests.
 */
@ApplicationScoped
public class DsrPurge implements PurgeParticipant {

    private final EntityManager entityManager;

    public DsrPurge(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        boolean documents = RetentionCategories.IDENTITY_DOCUMENT.equals(order.category());
        if (!documents && !RetentionCategories.DSR_CASE.equals(order.category())) {
            throw new MalformedEventException("dsr-service has no records of retention category " + order.category());
        }
        List<UUID> ids = order.recordIds().stream().distinct().filter(DsrPurge::isUuid).map(UUID::fromString).toList();
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        if (documents) {
            return purgeDocuments(ids, order.clockStartedUpTo());
        }
        List<UUID> due = claimDue(ids, order.clockStartedUpTo());
        if (!due.isEmpty()) {
            String statement = order.action() == PurgeAction.ANONYMIZE
                    ? "update dsr_request set subject_key = null, visitor_ids = null where id in (:ids)"
                    : "delete from dsr_request where id in (:ids)";
            entityManager.createNativeQuery(statement).setParameter("ids", due).executeUpdate();
        }
        Set<String> purged = new HashSet<>(due.stream().map(UUID::toString).toList());
        @SuppressWarnings("unchecked")
        List<UUID> remaining = entityManager.createNativeQuery("select id from dsr_request where id in (:ids)",
                UUID.class).setParameter("ids", ids).getResultList();
        return new Outcome(List.copyOf(purged),
                remaining.stream().map(UUID::toString).filter(id -> !purged.contains(id)).toList());
    }

    /**
     * IDENTITY_DOCUMENT, keyed by request id: the documents of requests closed no later than the bound go (closing
     * deleted them already, so this finds one only where that failed); a document of an open request is held.
     */
    @SuppressWarnings("unchecked")
    private Outcome purgeDocuments(List<UUID> ids, Instant upTo) {
        List<UUID> due = entityManager.createNativeQuery("""
                select d.request_id from identity_document d join dsr_request r on r.id = d.request_id
                 where d.request_id in (:ids) and r.closed_at <= :upTo for update of d skip locked
                """, UUID.class).setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("delete from identity_document where request_id in (:ids)")
                    .setParameter("ids", due).executeUpdate();
        }
        Set<String> purged = new HashSet<>(due.stream().map(UUID::toString).toList());
        List<UUID> remaining = entityManager.createNativeQuery(
                "select request_id from identity_document where request_id in (:ids)", UUID.class)
                .setParameter("ids", ids).getResultList();
        return new Outcome(List.copyOf(purged),
                remaining.stream().map(UUID::toString).filter(id -> !purged.contains(id)).toList());
    }

    /** Requests closed no later than the order's bound; an open one (in progress, needing attention) is held. */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(List<UUID> ids, Instant upTo) {
        return entityManager.createNativeQuery("""
                select id from dsr_request where id in (:ids) and status in ('COMPLETED', 'REJECTED', 'CANCELLED')
                   and closed_at <= :upTo
                   for update skip locked
                """, UUID.class).setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
