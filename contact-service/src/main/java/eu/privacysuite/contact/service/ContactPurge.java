package eu.privacysuite.contact.service;

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
 * Retention in the prospect file: a prospect whose 3 years since collection or last contact ran out is deleted
 * with every message they sent (or, under ANONYMIZE, kept without anything that names them). One order is one
 * short transaction; a prospect whose row a contact form is updating right now is skipped and reported held.
 */
@ApplicationScoped
public class ContactPurge implements PurgeParticipant {

    private final EntityManager entityManager;

    public ContactPurge(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String service() {
        return ContactService.SERVICE;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        if (!ContactService.PROSPECT.equals(order.category())) {
            throw new MalformedEventException("contact-service does not own retention category " + order.category());
        }
        List<UUID> ids = uuids(order.recordIds());
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<UUID> due = claimDue(ids, order.clockStartedUpTo());
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("delete from contact_request where prospect_id in (:ids)")
                    .setParameter("ids", due).executeUpdate();
            if (order.action() == PurgeAction.ANONYMIZE) {
                anonymize(due);
            } else {
                entityManager.createNativeQuery("delete from prospect where id in (:ids)").setParameter("ids", due)
                        .executeUpdate();
            }
        }
        Set<String> purged = new HashSet<>(due.stream().map(UUID::toString).toList());
        List<String> held = stillThere(ids).stream().map(UUID::toString).filter(id -> !purged.contains(id)).toList();
        return new Outcome(List.copyOf(purged), held);
    }

    /** Locks the prospects whose last contact is not after the order's bound; rows being updated are skipped. */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(List<UUID> ids, Instant upTo) {
        return entityManager.createNativeQuery("""
                select id from prospect where id in (:ids) and last_contact_at <= :upTo
                 and subject_key not like 'anonymized:%' for update skip locked
                """, UUID.class).setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }

    /** Nothing that names the person stays: names, email, phone, address and the subject key are replaced. */
    private void anonymize(List<UUID> ids) {
        entityManager.createNativeQuery("""
                update prospect set subject_key = 'anonymized:' || id, civility = null, first_name = '',
                       last_name = '', email = '', phone = null, postal_address = null
                 where id in (:ids)
                """).setParameter("ids", ids).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> stillThere(List<UUID> ids) {
        return entityManager.createNativeQuery("select id from prospect where id in (:ids) and subject_key not like 'anonymized:%'", UUID.class)
                .setParameter("ids", ids).getResultList();
    }

    private static List<UUID> uuids(List<String> recordIds) {
        return recordIds.stream().distinct().filter(ContactPurge::isUuid).map(UUID::fromString).toList();
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
