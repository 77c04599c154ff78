package eu.privacysuite.contact.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.NewsletterSubscriptionRepository;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * The people contact-service holds in a breach's scope (GDPR art. 34), one entry per person and category:
 * PROSPECT is the contact requests received and the prospects collected in the window, NEWSLETTER the
 * subscriptions requested in it, MINOR_HOLD the contact requests and subscriptions of minors made in it. The address
 * is the one on the record (a minor's own, not the parent's), the language the record's (a prospect takes that of
 * its latest contact request, French otherwise). Restricted and suppressed subjects are included: a breach letter
 * is a legal duty, not marketing.
 */
@ApplicationScoped
public class ContactBreachScope {

    /** The open ends of a window, as bounds the database compares with. */
    private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final ContactRequestRepository requests;
    private final ProspectRepository prospects;
    private final NewsletterSubscriptionRepository subscriptions;

    public ContactBreachScope(ContactRequestRepository requests, ProspectRepository prospects,
            NewsletterSubscriptionRepository subscriptions) {
        this.requests = requests;
        this.prospects = prospects;
        this.subscriptions = subscriptions;
    }

    @Transactional(TxType.MANDATORY)
    public List<AffectedPerson> affected(BreachScope scope) {
        Map<String, AffectedPerson> found = new HashMap<>(); // by category and subject key: one entry each
        Instant from = scope.everyone() || scope.from() == null ? BEGINNING : scope.from();
        Instant until = scope.everyone() || scope.until() == null ? END : scope.until();
        for (ContactRequest r : requests.list("receivedAt >= ?1 and receivedAt < ?2", from, until)) {
            add(found, scope, RetentionCategories.PROSPECT, r.subjectKey, r.details.email, r.language);
            if (r.minor) {
                add(found, scope, RetentionCategories.MINOR_HOLD, r.subjectKey, r.details.email, r.language);
            }
        }
        if (scope.covers(RetentionCategories.PROSPECT)) {
            for (Prospect p : prospects.list("collectedAt >= ?1 and collectedAt < ?2", from, until)) {
                String language = requests.findBySubjectKey(p.subjectKey).stream()
                        .max(Comparator.comparing((ContactRequest r) -> r.receivedAt)).map(r -> r.language)
                        .orElse("fr");
                add(found, scope, RetentionCategories.PROSPECT, p.subjectKey, p.details.email, language);
            }
        }
        for (NewsletterSubscription s : subscriptions.list("requestedAt >= ?1 and requestedAt < ?2", from, until)) {
            add(found, scope, RetentionCategories.NEWSLETTER, s.subjectKey, s.email, s.language);
            if (s.minor) {
                add(found, scope, RetentionCategories.MINOR_HOLD, s.subjectKey, s.email, s.language);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Map<String, AffectedPerson> found, BreachScope scope, String category, String subjectKey,
            String email, String language) {
        if (scope.covers(category)) {
            found.putIfAbsent(category + " " + subjectKey, new AffectedPerson(subjectKey, category, email,
                    "en".equals(language) ? "en" : "fr"));
        }
    }
}
