package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.contact.domain.Civility;
import eu.privacysuite.contact.domain.ContactDetails;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * RECTIFICATION in contact-service: a changed email first moves every record to the new subject key; the
 * corrections then apply to the prospect and every contact request the subject has (a corrected email to the
 * subscriptions too). When the new key already has a prospect, the two merge into that one (one prospect per
 * subject; decision 0016), and the records already under the new key are corrected with the others.
 */
@ApplicationScoped
public class ContactRectification {

    private static final Logger LOG = Logger.getLogger(ContactRectification.class);

    private final ProspectRepository prospects;
    private final ContactRequestRepository requests;
    private final NewsletterSubscriptionRepository subscriptions;
    private final LifecycleEvents events;
    private final EntityManager entityManager;
    private final Clock clock;

    public ContactRectification(ProspectRepository prospects, ContactRequestRepository requests,
            NewsletterSubscriptionRepository subscriptions, LifecycleEvents events, EntityManager entityManager,
            Clock clock) {
        this.prospects = prospects;
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Moves the subject's records to the new key (when the email changed), then corrects every record the subject
     * has under the key it ends with. Returns how many prospects, requests, subscriptions and list entries changed.
     */
    @Transactional(TxType.MANDATORY)
    public long apply(String subjectKey, String newSubjectKey, Corrections corrections) {
        Set<UUID> changed = new HashSet<>();
        long listEntries = 0;
        if (newSubjectKey != null) {
            prospects.findBySubjectKey(subjectKey).ifPresent(p -> changed.add(p.id));
            requests.findBySubjectKey(subjectKey).forEach(r -> changed.add(r.id));
            subscriptions.findBySubjectKey(subjectKey).forEach(s -> changed.add(s.id));
            listEntries = move(subjectKey, newSubjectKey);
        }
        String key = newSubjectKey == null ? subjectKey : newSubjectKey;
        Civility civility = civility(corrections.civility());
        prospects.findBySubjectKey(key).filter(p -> correct(p.details, corrections, civility)).ifPresent(p -> changed.add(p.id));
        requests.findBySubjectKey(key).stream().filter(r -> correct(r.details, corrections, civility))
                .forEach(r -> changed.add(r.id));
        for (NewsletterSubscription subscription : subscriptions.findBySubjectKey(key)) {
            if (differs(corrections.email(), subscription.email)) {
                subscription.email = corrections.email();
                changed.add(subscription.id);
            }
        }
        return changed.size() + listEntries;
    }

    /** Every row of the subject to the new key; returns how many list entries moved or merged. */
    private long move(String subjectKey, String newSubjectKey) {
        prospects.findBySubjectKey(subjectKey).ifPresent(p -> moveProspect(p, subjectKey, newSubjectKey));
        endSecondLiveSubscription(subjectKey, newSubjectKey);
        entityManager.flush();
        for (String table : List.of("contact_request", "newsletter_subscription", "confirmation_token",
                "outgoing_mail")) {
            rekey(table, subjectKey, newSubjectKey);
        }
        long entries = moveListEntry("suppressed_subject", subjectKey, newSubjectKey)
                + moveListEntry("restricted_subject", subjectKey, newSubjectKey);
        // The rows moved under the entities' feet: they are read again, and nothing stale is written back.
        entityManager.flush();
        entityManager.clear();
        return entries;
    }

    /**
     * Moves the prospect to the new key; when the new key has one already, that one stays with the earlier
     * collection and the later last contact of the two, takes the requests, and this one is deleted.
     */
    private void moveProspect(Prospect prospect, String subjectKey, String newSubjectKey) {
        Optional<Prospect> existing = prospects.findBySubjectKey(newSubjectKey);
        if (existing.isEmpty()) {
            prospect.subjectKey = newSubjectKey;
            return;
        }
        Prospect survivor = existing.get();
        Instant now = Instant.now(clock);
        if (prospect.collectedAt.isBefore(survivor.collectedAt)) {
            survivor.collectedAt = prospect.collectedAt;
        }
        if (prospect.lastContactAt.isAfter(survivor.lastContactAt)) {
            survivor.lastContactAt = prospect.lastContactAt;
            events.clock(newSubjectKey, RetentionCategories.PROSPECT, survivor.id, ClockEvent.LAST_CONTACT,
                    survivor.lastContactAt);
        }
        entityManager.createNativeQuery("update contact_request set prospect_id = :survivor where prospect_id = :merged")
                .setParameter("survivor", survivor.id).setParameter("merged", prospect.id).executeUpdate();
        events.clock(subjectKey, RetentionCategories.PROSPECT, prospect.id, ClockEvent.RECORD_DELETED, now);
        entityManager.flush();
        entityManager.detach(prospect);
        entityManager.createNativeQuery("delete from prospect where id = :id").setParameter("id", prospect.id)
                .executeUpdate();
        LOG.infof("rectification merged prospect %s into prospect %s", prospect.id, survivor.id);
    }

    /** One live subscription per subject: the new key's stays, the old key's ends (its 3-year clock starts). */
    private void endSecondLiveSubscription(String subjectKey, String newSubjectKey) {
        if (subscriptions.findLive(newSubjectKey).isEmpty()) {
            return;
        }
        subscriptions.findLive(subjectKey).ifPresent(old -> {
            Instant now = Instant.now(clock);
            old.status = NewsletterSubscription.Status.UNSUBSCRIBED;
            old.unsubscribedAt = now;
            events.clock(newSubjectKey, RetentionCategories.NEWSLETTER, old.id, ClockEvent.UNSUBSCRIBED, now);
        });
    }

    private void rekey(String table, String subjectKey, String newSubjectKey) {
        entityManager.createNativeQuery("update " + table + " set subject_key = :to where subject_key = :from")
                .setParameter("to", newSubjectKey).setParameter("from", subjectKey).executeUpdate();
    }

    /** A list holds a key once: the entry moves, or goes when the new key is listed already. */
    private int moveListEntry(String table, String subjectKey, String newSubjectKey) {
        int moved = entityManager.createNativeQuery("update " + table + " set subject_key = :to where subject_key = :from"
                + " and not exists (select 1 from " + table + " where subject_key = :to)")
                .setParameter("to", newSubjectKey).setParameter("from", subjectKey).executeUpdate();
        int dropped = entityManager.createNativeQuery("delete from " + table + " where subject_key = :from")
                .setParameter("from", subjectKey).executeUpdate();
        return moved + dropped;
    }

    /** Applies the corrections to the details a prospect or a request holds; whether anything changed. */
    private static boolean correct(ContactDetails d, Corrections c, Civility civility) {
        boolean changed = false;
        if (civility != null && civility != d.civility) {
            d.civility = civility;
            changed = true;
        }
        changed |= differs(c.firstName(), d.firstName);
        d.firstName = or(c.firstName(), d.firstName);
        changed |= differs(c.lastName(), d.lastName);
        d.lastName = or(c.lastName(), d.lastName);
        changed |= differs(c.email(), d.email);
        d.email = or(c.email(), d.email);
        changed |= differs(c.phone(), d.phone);
        d.phone = or(c.phone(), d.phone);
        changed |= differs(c.postalAddress(), d.postalAddress);
        d.postalAddress = or(c.postalAddress(), d.postalAddress);
        changed |= differs(c.country(), d.country);
        d.country = or(c.country(), d.country);
        return changed;
    }

    /** A correction for the field that says something else than what is held. */
    private static boolean differs(String correction, String held) {
        return correction != null && !Objects.equals(correction, held);
    }

    private static String or(String correction, String held) {
        return correction != null ? correction : held;
    }

    /** MR, MS or MX in any case; another value is not a civility this service records, and is left out. */
    private static Civility civility(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Civility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("a rectification's civility is not MR, MS or MX: that correction is left out");
            return null;
        }
    }
}
