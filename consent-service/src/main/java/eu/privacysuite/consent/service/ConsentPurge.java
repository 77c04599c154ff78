package eu.privacysuite.consent.service;

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
import eu.privacysuite.shared.retention.PurgeParticipant;

/**
 * Retention of cookie consent: a proof is kept 13 months at most after it was given, then deleted (no longer just
 * hidden when read), or under ANONYMIZE kept for statistics with its visitor replaced by a random id.
 */
@ApplicationScoped
public class ConsentPurge implements PurgeParticipant {

    private final EntityManager entityManager;

    public ConsentPurge(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String service() {
        return ConsentService.SERVICE;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        if (!ConsentService.COOKIE_CONSENT.equals(order.category())) {
            throw new MalformedEventException("consent-service does not own retention category " + order.category());
        }
        List<UUID> ids = order.recordIds().stream().distinct().filter(ConsentErasure::isUuid).map(UUID::fromString)
                .toList();
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<UUID> due = claimDue(ids, order.clockStartedUpTo());
        if (!due.isEmpty()) {
            String statement = order.action() == PurgeAction.ANONYMIZE
                    ? "update consent_proof set visitor_id = gen_random_uuid() where id in (:ids)"
                    : "delete from consent_proof where id in (:ids)";
            entityManager.createNativeQuery(statement).setParameter("ids", due).executeUpdate();
        }
        Set<String> purged = new HashSet<>(due.stream().map(UUID::toString).toList());
        @SuppressWarnings("unchecked")
        List<UUID> remaining = entityManager.createNativeQuery("select id from consent_proof where id in (:ids)",
                UUID.class).setParameter("ids", ids).getResultList();
        List<String> held = remaining.stream().map(UUID::toString).filter(id -> !purged.contains(id)).toList();
        return new Outcome(List.copyOf(purged), held);
    }

    /** The proofs given no later than the order's bound; a proof another transaction holds is skipped (held). */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(List<UUID> ids, Instant upTo) {
        return entityManager.createNativeQuery(
                "select id from consent_proof where id in (:ids) and given_at <= :upTo for update skip locked", UUID.class)
                .setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }
}
