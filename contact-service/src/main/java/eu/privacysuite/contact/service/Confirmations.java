package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.contact.domain.ConfirmationToken;
import eu.privacysuite.contact.domain.ConfirmationToken.Purpose;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.problem.ProblemException;

/** Following a link from a mail: the address confirmed, or a parent's joint consent given. */
@ApplicationScoped
public class Confirmations {

    private final Tokens tokens;
    private final ContactRequestRepository requests;
    private final NewsletterSubscriptionRepository subscriptions;
    private final Enrolment enrolment;
    private final LifecycleEvents events;
    private final Clock clock;

    public Confirmations(Tokens tokens, ContactRequestRepository requests,
            NewsletterSubscriptionRepository subscriptions, Enrolment enrolment, LifecycleEvents events, Clock clock) {
        this.tokens = tokens;
        this.requests = requests;
        this.subscriptions = subscriptions;
        this.enrolment = enrolment;
        this.events = events;
        this.clock = clock;
    }

    /** Uses the token once and returns what it confirmed. */
    @Transactional
    public Purpose confirm(String token) {
        ConfirmationToken used = tokens.consume(token);
        Instant now = Instant.now(clock);
        switch (used.purpose) {
            case CONTACT_ADDRESS, CONTACT_PARENT -> confirmRequest(used, now);
            case NEWSLETTER_OPT_IN, NEWSLETTER_PARENT -> confirmSubscription(used, now);
        }
        return used.purpose;
    }

    private void confirmRequest(ConfirmationToken used, Instant now) {
        ContactRequest request = requests.findByIdOptional(used.recordId).orElseThrow(Confirmations::gone);
        if (used.purpose == Purpose.CONTACT_PARENT) {
            request.parentConfirmedAt = now;
            request.holdExpiresAt = null;
            events.clock(request.subjectKey, RetentionCategories.MINOR_HOLD, request.id, ClockEvent.RECORD_DELETED, now);
        } else if (request.addressConfirmedAt == null) {
            request.addressConfirmedAt = now;
        }
        enrolment.enrolIfConfirmed(request, now);
    }

    private void confirmSubscription(ConfirmationToken used, Instant now) {
        NewsletterSubscription subscription = subscriptions.findByIdOptional(used.recordId)
                .filter(s -> s.status == NewsletterSubscription.Status.PENDING).orElseThrow(Confirmations::gone);
        if (used.purpose == Purpose.NEWSLETTER_PARENT) {
            subscription.parentConfirmedAt = now;
            subscription.holdExpiresAt = null;
            events.clock(subscription.subjectKey, RetentionCategories.MINOR_HOLD, subscription.id,
                    ClockEvent.RECORD_DELETED, now);
        } else {
            subscription.confirmedAt = now;
        }
        if (subscription.readyToActivate()) {
            subscription.status = NewsletterSubscription.Status.ACTIVE;
        }
    }

    private static ProblemException gone() {
        return new ProblemException(Status.GONE, "What this link confirmed no longer exists.");
    }
}
