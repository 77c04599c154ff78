package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.contact.domain.ConfirmationToken.Purpose;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscription.Status;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.mail.MailQueue;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * The newsletter with double opt-in: a subscription is active only once confirmed by the single-use link sent to
 * the address (and, for a minor, by the parent). Unsubscribing is one step and starts the 3-year NEWSLETTER clock.
 */
@ApplicationScoped
public class Newsletter {

    /** One subscriber of the sending list, with the link every message must carry. */
    public record Subscriber(String email, String language, String unsubscribeUrl) {
    }

    private final NewsletterSubscriptionRepository subscriptions;
    private final SubjectKeys subjectKeys;
    private final SubjectLists subjects;
    private final Tokens tokens;
    private final MailQueue mail;
    private final LifecycleEvents events;
    private final ContactConfig config;
    private final ContactIntake intake;
    private final Clock clock;

    public Newsletter(NewsletterSubscriptionRepository subscriptions, SubjectKeys subjectKeys, SubjectLists subjects,
            Tokens tokens, MailQueue mail, LifecycleEvents events, ContactConfig config, ContactIntake intake,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.subjectKeys = subjectKeys;
        this.subjects = subjects;
        this.tokens = tokens;
        this.mail = mail;
        this.events = events;
        this.config = config;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * Asks for a subscription. The answer is the same whatever the address's state, so it tells a stranger nothing;
     * an active, opposed or restricted subject is not enrolled and gets no mail.
     */
    @Transactional
    public void subscribe(String email, String language, Integer age, String parentEmail) {
        String subjectKey = subjectKeys.forEmail(email);
        if (subjects.isSuppressed(subjectKey) || subjects.isRestricted(subjectKey)) {
            return;
        }
        Optional<NewsletterSubscription> live = subscriptions.findLive(subjectKey);
        if (live.isPresent()) {
            if (live.get().status == Status.PENDING && live.get().confirmedAt == null) {
                sendOptIn(live.get());
            }
            return;
        }
        Instant now = Instant.now(clock);
        NewsletterSubscription subscription = new NewsletterSubscription();
        subscription.id = UUID.randomUUID();
        subscription.subjectKey = subjectKey;
        subscription.email = email;
        subscription.language = Languages.orDefault(language);
        subscription.status = Status.PENDING;
        subscription.unsubscribeToken = Tokens.random();
        subscription.requestedAt = now;
        if (intake.isMinor(age)) {
            subscription.minor = true;
            subscription.parentEmail = parentEmail;
            subscription.holdExpiresAt = now.plus(config.minors().holdTtl());
        }
        if (!subscriptions.insertIfNoLive(subscription)) {
            return; // a concurrent first subscription of the same address won: it sends the one opt-in
        }
        sendOptIn(subscription);
        if (subscription.minor) {
            String link = Links.confirmation(config, tokens.issue(Purpose.NEWSLETTER_PARENT, subscription.id,
                    subjectKey, config.minors().holdTtl()));
            mail.enqueue(subjectKey, subscription.parentEmail, Languages.mailTemplate("parent-consent-newsletter", subscription.language),
                    Map.<String, Object>of("confirmUrl", link, "days", config.minors().holdTtl().toDays()), null);
            events.clock(subjectKey, RetentionCategories.MINOR_HOLD, subscription.id, ClockEvent.COLLECTED, now);
        }
    }

    private void sendOptIn(NewsletterSubscription subscription) {
        String link = Links.confirmation(config, tokens.issue(Purpose.NEWSLETTER_OPT_IN, subscription.id,
                subscription.subjectKey, config.confirmationTtl()));
        String unsubscribe = Links.unsubscribe(config, subscription.unsubscribeToken);
        mail.enqueue(subscription.subjectKey, subscription.email, Languages.mailTemplate("newsletter-opt-in", subscription.language),
                Map.<String, Object>of("confirmUrl", link, "unsubscribeUrl", unsubscribe, "minor", subscription.minor,
                        "days", config.confirmationTtl().toDays()), unsubscribe);
    }

    /** The link in every message: one step, no login. Returns false when the link names no subscription. */
    @Transactional
    public boolean unsubscribeByLink(String token) {
        Optional<NewsletterSubscription> found = Tokens.isWellFormed(token) ? subscriptions.findByUnsubscribeToken(token)
                : Optional.empty();
        found.ifPresent(this::unsubscribe);
        return found.isPresent();
    }

    /** By address: whatever the address's state the answer is the same. */
    @Transactional
    public void unsubscribeByAddress(String email) {
        subscriptions.findLive(subjectKeys.forEmail(email)).ifPresent(this::unsubscribe);
    }

    private void unsubscribe(NewsletterSubscription subscription) {
        if (subscription.status == Status.UNSUBSCRIBED) {
            return;
        }
        Instant now = Instant.now(clock);
        subscription.status = Status.UNSUBSCRIBED;
        subscription.unsubscribedAt = now;
        // Newsletter data is kept 3 years after unsubscription (policy art. 3).
        events.clock(subscription.subjectKey, RetentionCategories.NEWSLETTER, subscription.id, ClockEvent.UNSUBSCRIBED, now);
    }

    /** The sending list: active subscribers only, never the unconfirmed, unsubscribed, restricted or opposed. */
    @Transactional
    public List<Subscriber> subscribers(int page, int size) {
        return subscriptions.sendable(page, size).stream()
                .map(s -> new Subscriber(s.email, s.language, Links.unsubscribe(config, s.unsubscribeToken))).toList();
    }

    @Transactional
    public long subscriberCount() {
        return subscriptions.countSendable();
    }
}
