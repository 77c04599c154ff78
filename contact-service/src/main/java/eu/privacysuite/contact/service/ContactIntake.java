package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.contact.domain.ConfirmationToken.Purpose;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.EmailAddresses;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.mail.MailQueue;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.problem.UnprocessableField;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * Receives contact forms. Each submission is its own contact request with its own clock; it changes nothing that
 * earlier submissions or the prospect file hold, and links no visitor until its address is confirmed by the link
 * in the acknowledgement mail (see {@link Confirmations}).
 */
@ApplicationScoped
public class ContactIntake {

    private final ContactRequestRepository requests;
    private final SubjectKeys subjectKeys;
    private final Tokens tokens;
    private final MailQueue mail;
    private final LifecycleEvents events;
    private final ContactConfig config;
    private final EntityManager entityManager;
    private final Clock clock;
    private final RetentionTerms terms;

    public ContactIntake(ContactRequestRepository requests, SubjectKeys subjectKeys, Tokens tokens, MailQueue mail,
            LifecycleEvents events, ContactConfig config, EntityManager entityManager, Clock clock, RetentionTerms terms) {
        this.terms = terms;
        this.requests = requests;
        this.subjectKeys = subjectKeys;
        this.tokens = tokens;
        this.mail = mail;
        this.events = events;
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public boolean isMinor(Integer age) {
        return age != null && age < config.minors().consentAge();
    }

    /**
     * The parent's address a minor must give (policy art. 10): required, and not the minor's own; null for an adult.
     * The rule of the form and of the newsletter alike.
     */
    public String parentEmail(Integer age, String canonicalEmail, String parentEmail) {
        if (!isMinor(age)) {
            return null;
        }
        if (parentEmail == null || parentEmail.isBlank()) {
            throw new UnprocessableField("parentEmail", "is required when the person is under the age of consent");
        }
        String parent = EmailAddresses.canonical(parentEmail)
                .orElseThrow(() -> new UnprocessableField("parentEmail", "must be a plain email address"));
        if (parent.equals(canonicalEmail)) {
            throw new UnprocessableField("parentEmail", "must be another address than email");
        }
        return parent;
    }

    @Transactional
    public Receipt receive(ContactSubmission form, String idempotencyKey) {
        String subjectKey = subjectKeys.forEmail(form.email());
        String scopedKey = idempotencyKey == null ? null : Tokens.hash(subjectKey + "|" + idempotencyKey);
        if (scopedKey != null) {
            // Two deliveries of one submission at once: the second waits here, then finds the first.
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, scopedKey)
                    .getSingleResult();
            Optional<ContactRequest> earlier = requests.findByIdempotencyKey(scopedKey);
            if (earlier.isPresent()) {
                return new Receipt(earlier.get().id, earlier.get().receivedAt, true);
            }
        }
        Instant now = Instant.now(clock);
        ContactRequest request = newRequest(form, subjectKey, scopedKey, now);
        requests.persist(request);

        String link = Links.confirmation(config, tokens.issue(Purpose.CONTACT_ADDRESS, request.id, subjectKey,
                config.confirmationTtl()));
        mail.enqueue(subjectKey, request.details.email, Languages.mailTemplate("contact-acknowledgement", request.language),
                Map.<String, Object>of("confirmUrl", link, "minor", request.minor, "days", config.confirmationTtl().toDays(),
                        "keep", terms.prospect(request.language)), null);
        // Each request has its own clock from its collection (policy art. 3).
        events.clock(subjectKey, RetentionCategories.PROSPECT, request.id, ClockEvent.COLLECTED, now);
        if (request.minor) {
            String parentLink = Links.confirmation(config, tokens.issue(Purpose.CONTACT_PARENT, request.id, subjectKey,
                    config.minors().holdTtl()));
            mail.enqueue(subjectKey, request.parentEmail, Languages.mailTemplate("parent-consent-contact", request.language),
                    Map.<String, Object>of("confirmUrl", parentLink, "days", config.minors().holdTtl().toDays()), null);
            events.clock(subjectKey, RetentionCategories.MINOR_HOLD, request.id, ClockEvent.COLLECTED, now);
        }
        return new Receipt(request.id, now, false);
    }

    private ContactRequest newRequest(ContactSubmission form, String subjectKey, String scopedKey, Instant now) {
        ContactRequest request = new ContactRequest();
        request.id = UUID.randomUUID();
        request.subjectKey = subjectKey;
        request.details.civility = form.civility();
        request.details.firstName = form.firstName();
        request.details.lastName = form.lastName();
        request.details.email = form.email();
        request.details.phone = form.phone();
        request.details.postalAddress = form.postalAddress();
        request.details.country = form.country();
        request.language = Languages.orDefault(form.language());
        request.message = form.message();
        request.visitorId = form.visitorId();
        request.idempotencyKey = scopedKey;
        request.receivedAt = now;
        if (isMinor(form.age())) {
            request.minor = true;
            request.parentEmail = form.parentEmail();
            request.holdExpiresAt = now.plus(config.minors().holdTtl());
        }
        return request;
    }
}
