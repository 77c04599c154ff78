package eu.privacysuite.contact.service;

import java.time.Instant;
import java.util.ArrayList;
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
 * Retention in contact-service's own data. PROSPECT ids name a contact request (its clock starts at receipt) or a
 * prospect (collection or last contact); NEWSLETTER ids an unsubscribed subscription; MINOR_HOLD ids a request or
 * subscription still waiting for a parent. A row whose clock moved after the order, or that another transaction
 * holds right now, is reported held. ANONYMIZE keeps a row with nothing that names the person; a subscription or a
 * hold is nothing without its address, so it is deleted under either action.
 */
@ApplicationScoped
public class ContactPurge implements PurgeParticipant {

    private static final Set<String> OWNED = Set.of(RetentionCategories.PROSPECT, RetentionCategories.NEWSLETTER,
            RetentionCategories.MINOR_HOLD);

    private final EntityManager entityManager;

    public ContactPurge(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Outcome purge(PurgeOrder order) {
        if (!OWNED.contains(order.category())) {
            throw new MalformedEventException("contact-service does not own retention category " + order.category());
        }
        List<UUID> ids = uuids(order.recordIds());
        if (ids.isEmpty()) {
            return new Outcome(List.of(), List.of());
        }
        List<UUID> purged = new ArrayList<>();
        switch (order.category()) {
            case RetentionCategories.PROSPECT -> {
                List<UUID> requests = claim("contact_request", "received_at <= :upTo", ids, order.clockStartedUpTo());
                List<UUID> prospects = claim("prospect", "last_contact_at <= :upTo", ids, order.clockStartedUpTo());
                if (order.action() == PurgeAction.ANONYMIZE) {
                    anonymize(requests, prospects);
                } else {
                    delete("contact_request", requests);
                    delete("prospect", prospects);
                }
                purged.addAll(requests);
                purged.addAll(prospects);
            }
            case RetentionCategories.NEWSLETTER -> {
                List<UUID> subscriptions = claim("newsletter_subscription",
                        "unsubscribed_at is not null and unsubscribed_at <= :upTo", ids, order.clockStartedUpTo());
                delete("newsletter_subscription", subscriptions);
                purged.addAll(subscriptions);
            }
            case RetentionCategories.MINOR_HOLD -> {
                List<UUID> requests = claim("contact_request",
                        "minor and parent_confirmed_at is null and received_at <= :upTo", ids, order.clockStartedUpTo());
                List<UUID> subscriptions = claim("newsletter_subscription",
                        "minor and parent_confirmed_at is null and requested_at <= :upTo", ids, order.clockStartedUpTo());
                delete("contact_request", requests);
                delete("newsletter_subscription", subscriptions);
                purged.addAll(requests);
                purged.addAll(subscriptions);
            }
            default -> throw new MalformedEventException(
                    "contact-service does not own retention category " + order.category());
        }
        Set<String> done = new HashSet<>(purged.stream().map(UUID::toString).toList());
        List<String> held = stillThere(order.category(), ids).stream().map(UUID::toString)
                .filter(id -> !done.contains(id)).toList();
        return new Outcome(List.copyOf(done), held);
    }

    /** Locks the rows of the order whose clock has run out; rows another transaction holds are skipped. */
    @SuppressWarnings("unchecked")
    private List<UUID> claim(String table, String due, List<UUID> ids, Instant upTo) {
        return entityManager.createNativeQuery("select id from " + table + " where id in (:ids) and " + due
                + " and subject_key not like 'anonymized:%' for update skip locked", UUID.class)
                .setParameter("ids", ids).setParameter("upTo", upTo).getResultList();
    }

    private void delete(String table, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("delete from confirmation_token where record_id in (:ids)")
                .setParameter("ids", ids).executeUpdate();
        entityManager.createNativeQuery("delete from " + table + " where id in (:ids)").setParameter("ids", ids)
                .executeUpdate();
    }

    /** Nothing that names the person stays: names, addresses, phone, message and the subject key are replaced. */
    private void anonymize(List<UUID> requests, List<UUID> prospects) {
        if (!requests.isEmpty()) {
            entityManager.createNativeQuery("delete from confirmation_token where record_id in (:ids)")
                    .setParameter("ids", requests).executeUpdate();
            entityManager.createNativeQuery("""
                    update contact_request set subject_key = 'anonymized:' || id, civility = null, first_name = null,
                           last_name = null, email = null, phone = null, postal_address = null, parent_email = null,
                           message = '', idempotency_key = null, prospect_id = null
                     where id in (:ids)
                    """).setParameter("ids", requests).executeUpdate();
        }
        if (!prospects.isEmpty()) {
            entityManager.createNativeQuery("""
                    update prospect set subject_key = 'anonymized:' || id, civility = null, first_name = '',
                           last_name = '', email = '', phone = null, postal_address = null
                     where id in (:ids)
                    """).setParameter("ids", prospects).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> stillThere(String category, List<UUID> ids) {
        List<String> tables = switch (category) {
            case RetentionCategories.NEWSLETTER -> List.of("newsletter_subscription");
            case RetentionCategories.MINOR_HOLD -> List.of("contact_request", "newsletter_subscription");
            default -> List.of("contact_request", "prospect");
        };
        List<UUID> there = new ArrayList<>();
        for (String table : tables) {
            there.addAll(entityManager.createNativeQuery("select id from " + table
                    + " where id in (:ids) and subject_key not like 'anonymized:%'", UUID.class)
                    .setParameter("ids", ids).getResultList());
        }
        return there;
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
