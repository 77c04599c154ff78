package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.domain.ConfirmationTokenRepository;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.contact.domain.RestrictedSubjectRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.mail.OutgoingMailRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * Erasure in contact-service (for {@link ContactParticipation}): the subject's contact requests (minors' holds among them), prospect, newsletter
 * subscriptions, tokens, unsent mails and restriction flag are deleted. The suppression list keeps its key, so
 * that an objection outlives the erasure.
 */
@ApplicationScoped
public class ContactErasure {

    private final ProspectRepository prospects;
    private final RestrictedSubjectRepository restricted;
    private final ContactRequestRepository requests;
    private final NewsletterSubscriptionRepository subscriptions;
    private final ConfirmationTokenRepository tokens;
    private final OutgoingMailRepository mails;
    private final LifecycleEvents events;
    private final Clock clock;

    public ContactErasure(ProspectRepository prospects, ContactRequestRepository requests,
            NewsletterSubscriptionRepository subscriptions, ConfirmationTokenRepository tokens,
            OutgoingMailRepository mails, RestrictedSubjectRepository restricted, LifecycleEvents events, Clock clock) {
        this.restricted = restricted;
        this.prospects = prospects;
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public long erase(String subjectKey, List<String> visitorIds) {
        Instant now = Instant.now(clock);
        long erased = 0;
        for (ContactRequest request : requests.findBySubjectKey(subjectKey)) {
            if (request.held()) {
                events.clock(subjectKey, RetentionCategories.MINOR_HOLD, request.id, ClockEvent.RECORD_DELETED, now);
            }
            events.clock(subjectKey, RetentionCategories.PROSPECT, request.id, ClockEvent.RECORD_DELETED, now);
            requests.delete(request);
            erased++;
        }
        var prospect = prospects.findBySubjectKey(subjectKey);
        if (prospect.isPresent()) {
            events.clock(subjectKey, RetentionCategories.PROSPECT, prospect.get().id, ClockEvent.RECORD_DELETED, now);
            prospects.delete(prospect.get());
            erased++;
        }
        for (NewsletterSubscription subscription : subscriptions.findBySubjectKey(subjectKey)) {
            if (subscription.held()) {
                events.clock(subjectKey, RetentionCategories.MINOR_HOLD, subscription.id, ClockEvent.RECORD_DELETED, now);
            }
            events.clock(subjectKey, RetentionCategories.NEWSLETTER, subscription.id, ClockEvent.RECORD_DELETED, now);
            subscriptions.delete(subscription);
            erased++;
        }
        tokens.deleteBySubjectKey(subjectKey);
        mails.deleteBySubjectKey(subjectKey);
        restricted.deleteById(subjectKey);
        return erased;
    }
}
