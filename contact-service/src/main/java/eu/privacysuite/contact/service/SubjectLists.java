package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.domain.RestrictedSubject;
import eu.privacysuite.contact.domain.RestrictedSubjectRepository;
import eu.privacysuite.contact.domain.SuppressedSubject;
import eu.privacysuite.contact.domain.SuppressedSubjectRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * The suppression list (objection to prospecting: never enrolled again) and the restriction flag (left out of
 * every list, export and mailing until lifted). Both hold subject keys only; the DSR actions build on them.
 */
@ApplicationScoped
public class SubjectLists {

    private final NewsletterSubscriptionRepository subscriptions;
    private final SuppressedSubjectRepository suppressed;
    private final RestrictedSubjectRepository restricted;
    private final LifecycleEvents events;
    private final Clock clock;

    public SubjectLists(NewsletterSubscriptionRepository subscriptions, SuppressedSubjectRepository suppressed,
            RestrictedSubjectRepository restricted, LifecycleEvents events, Clock clock) {
        this.subscriptions = subscriptions;
        this.suppressed = suppressed;
        this.restricted = restricted;
        this.events = events;
        this.clock = clock;
    }

    /** Objection to prospecting: the subject is suppressed for good, and a live newsletter subscription ends. */
    @Transactional
    public boolean suppress(String subjectKey) {
        boolean listed = isSuppressed(subjectKey);
        suppressAndCount(subjectKey);
        return !listed;
    }

    /** As {@link #suppress}; returns how many subscriptions it ended (0 or 1: one live subscription per subject). */
    @Transactional
    public int suppressAndCount(String subjectKey) {
        Instant now = Instant.now(clock);
        int ended = 0;
        for (NewsletterSubscription s : subscriptions.findLive(subjectKey).stream().toList()) {
            s.status = NewsletterSubscription.Status.UNSUBSCRIBED;
            s.unsubscribedAt = now;
            events.clock(subjectKey, RetentionCategories.NEWSLETTER, s.id, ClockEvent.UNSUBSCRIBED, now);
            ended++;
        }
        if (!isSuppressed(subjectKey)) {
            SuppressedSubject row = new SuppressedSubject();
            row.subjectKey = subjectKey;
            row.suppressedAt = now;
            suppressed.persist(row);
        }
        return ended;
    }

    @Transactional
    public boolean isSuppressed(String subjectKey) {
        return suppressed.findByIdOptional(subjectKey).isPresent();
    }

    @Transactional
    public boolean restrict(String subjectKey) {
        if (isRestricted(subjectKey)) {
            return false;
        }
        RestrictedSubject row = new RestrictedSubject();
        row.subjectKey = subjectKey;
        row.restrictedAt = Instant.now(clock);
        restricted.persist(row);
        return true;
    }

    @Transactional
    public boolean liftRestriction(String subjectKey) {
        return restricted.deleteById(subjectKey);
    }

    @Transactional
    public boolean isRestricted(String subjectKey) {
        return restricted.findByIdOptional(subjectKey).isPresent();
    }
}
