package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.consent.domain.ProofLedger;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.PurgeParticipant;

/**
 * Retention of cookie consent: a proof is kept 13 months at most after it was given, then deleted (no longer just
 * hidden when read). Proofs are append-only (a trigger refuses UPDATE), so there is no anonymized form: an
 * ANONYMIZE order is refused as a bad order. Each deletion is recorded in the proof ledger with reason RETENTION,
 * so a digest check tells it from a deletion made outside the rules.
 */
@ApplicationScoped
public class ConsentPurge implements PurgeParticipant {

    private final EntityManager entityManager;
    private final ProofLedger ledger;
    private final Clock clock;

    public ConsentPurge(EntityManager entityManager, ProofLedger ledger, Clock clock) {
        this.entityManager = entityManager;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        if (!RetentionCategories.COOKIE_CONSENT.equals(order.category())) {
            throw new MalformedEventException("consent-service does not own retention category " + order.category());
        }
        if (order.action() == PurgeAction.ANONYMIZE) {
            throw new MalformedEventException("consent proofs are append-only: COOKIE_CONSENT is purged by DELETE");
        }
        List<UUID> ids = order.recordIds().stream().distinct().filter(ConsentErasure::isUuid).map(UUID::fromString)
                .toList();
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<UUID> due = claimDue(ids, order.clockStartedUpTo());
        if (!due.isEmpty()) {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<Object[]> hashes = entityManager.createNativeQuery("select id, hash from consent_proof where id in (:ids)")
                    .setParameter("ids", due).getResultList();
            for (Object[] row : hashes) {
                ledger.recordErasure((UUID) row[0], (String) row[1], now, "RETENTION");
            }
            entityManager.createNativeQuery("delete from consent_proof where id in (:ids)").setParameter("ids", due)
                    .executeUpdate();
        }
        Set<String> purged = new HashSet<>(due.stream().map(UUID::toString).toList());
        @SuppressWarnings("unchecked")
        List<UUID> remaining = entityManager.createNativeQuery("select id from consent_proof where id in (:ids)",
                UUID.class).setParameter("ids", ids).getResultList();
        List<String> held = remaining.stream().map(UUID::toString).filter(id -> !purged.contains(id)).toList();
        return new Outcome(List.copyOf(purged), held);
    }

    /**
     * The proofs given no later than the order's bound; a proof another transaction holds is skipped (held), and so
     * is a proof of a visitor whose subject's processing is restricted (GDPR art. 18: kept, not erased).
     */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(List<UUID> ids, Instant upTo) {
        return entityManager.createNativeQuery("select p.id from consent_proof p where p.id in (:ids)"
                + " and p.given_at <= :upTo and not exists (select 1 from visitor_link l"
                + " where l.visitor_id = p.visitor_id and l.restricted_at is not null) for update of p skip locked",
                UUID.class)
                .setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }
}
