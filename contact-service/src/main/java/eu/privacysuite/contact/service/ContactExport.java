package eu.privacysuite.contact.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import eu.privacysuite.contact.domain.RestrictedSubjectRepository;
import eu.privacysuite.contact.domain.SuppressedSubjectRepository;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.events.ServiceName;

/**
 * What contact-service holds about a subject, for ACCESS and PORTABILITY: contact requests, the prospect,
 * newsletter subscriptions, and the suppression and restriction lists. Tokens (stored as hashes), unsent mails and
 * idempotency keys are internal and left out. Purposes and bases are those of the policy ({@link PolicyTexts}).
 */
@ApplicationScoped
public class ContactExport {

    private final ContactRequestRepository requests;
    private final SuppressedSubjectRepository suppressed;
    private final RestrictedSubjectRepository restricted;
    private final ProspectRepository prospects;
    private final NewsletterSubscriptionRepository subscriptions;
    private final ServiceName service;

    public ContactExport(ContactRequestRepository requests, ProspectRepository prospects,
            NewsletterSubscriptionRepository subscriptions, SuppressedSubjectRepository suppressed,
            RestrictedSubjectRepository restricted, ServiceName service) {
        this.suppressed = suppressed;
        this.restricted = restricted;
        this.service = service;
        this.requests = requests;
        this.prospects = prospects;
        this.subscriptions = subscriptions;
    }

    @Transactional(TxType.MANDATORY)
    public SubjectExport of(String subjectKey) {
        List<ExportCategory> categories = new ArrayList<>();
        add(categories, new ExportCategory("contact-requests", "Contact requests", RetentionCategories.PROSPECT,
                PolicyTexts.CONTACT_PURPOSE, PolicyTexts.CONSENT_BASIS, PolicyTexts.CONTACT_SOURCE,
                PolicyTexts.RECIPIENTS, requests.findBySubjectKey(subjectKey).stream()
                        .sorted(Comparator.comparing((ContactRequest r) -> r.receivedAt).thenComparing(r -> r.id))
                        .map(ContactExport::row).toList()));
        add(categories, new ExportCategory("prospect", "Prospect file", RetentionCategories.PROSPECT,
                PolicyTexts.CONTACT_PURPOSE, PolicyTexts.CONSENT_BASIS, PolicyTexts.PROSPECT_SOURCE,
                PolicyTexts.RECIPIENTS, prospects.findBySubjectKey(subjectKey).map(ContactExport::row).stream().toList()));
        add(categories, new ExportCategory("newsletter-subscriptions", "Newsletter subscriptions",
                RetentionCategories.NEWSLETTER, PolicyTexts.NEWSLETTER_PURPOSE, PolicyTexts.CONSENT_BASIS,
                PolicyTexts.NEWSLETTER_SOURCE, PolicyTexts.RECIPIENTS, subscriptions.findBySubjectKey(subjectKey)
                        .stream().sorted(Comparator.comparing((NewsletterSubscription s) -> s.requestedAt)
                                .thenComparing(s -> s.id))
                        .map(ContactExport::row).toList()));
        add(categories, new ExportCategory("subject-lists", "Objection and restriction lists", null,
                PolicyTexts.LISTS_PURPOSE, PolicyTexts.LEGAL_OBLIGATION_BASIS, PolicyTexts.LISTS_SOURCE,
                PolicyTexts.RECIPIENTS, lists(subjectKey)));
        return new SubjectExport(service.get(), categories);
    }

    /** How many contact requests, prospects and subscriptions the subject has here. */
    @Transactional(TxType.MANDATORY)
    public long recordCount(String subjectKey) {
        return requests.count("subjectKey", subjectKey) + prospects.count("subjectKey", subjectKey)
                + subscriptions.count("subjectKey", subjectKey);
    }

    private static void add(List<ExportCategory> categories, ExportCategory category) {
        if (!category.records().isEmpty()) {
            categories.add(category);
        }
    }

    private List<Map<String, Object>> lists(String subjectKey) {
        List<Map<String, Object>> rows = new ArrayList<>();
        suppressed.findByIdOptional(subjectKey).ifPresent(s -> rows.add(
                row("list", "SUPPRESSION", "meaning", "objection to prospecting: never enrolled again",
                        "since", iso(s.suppressedAt))));
        restricted.findByIdOptional(subjectKey).ifPresent(r -> rows.add(
                row("list", "RESTRICTION", "meaning", "processing restricted (GDPR art. 18): left out of every list,"
                        + " export and mailing", "since", iso(r.restrictedAt))));
        return rows;
    }

    private static Map<String, Object> row(ContactRequest r) {
        return row("id", r.id.toString(), "receivedAt", iso(r.receivedAt),
                "civility", r.details.civility == null ? null : r.details.civility.name(), "firstName", r.details.firstName,
                "lastName", r.details.lastName, "email", r.details.email, "phone", r.details.phone, "postalAddress", r.details.postalAddress,
                "country", r.details.country, "language", r.language, "message", r.message,
                "visitorId", r.visitorId == null ? null : r.visitorId.toString(),
                "addressConfirmedAt", iso(r.addressConfirmedAt), "minor", r.minor, "parentEmail", r.parentEmail,
                "parentConfirmedAt", iso(r.parentConfirmedAt), "holdExpiresAt", iso(r.holdExpiresAt));
    }

    private static Map<String, Object> row(Prospect p) {
        return row("id", p.id.toString(), "civility", p.details.civility == null ? null : p.details.civility.name(),
                "firstName", p.details.firstName, "lastName", p.details.lastName, "email", p.details.email, "phone", p.details.phone,
                "postalAddress", p.details.postalAddress, "country", p.details.country, "collectedAt", iso(p.collectedAt),
                "lastContactAt", iso(p.lastContactAt));
    }

    private static Map<String, Object> row(NewsletterSubscription s) {
        return row("id", s.id.toString(), "email", s.email, "language", s.language, "status", s.status.name(),
                "requestedAt", iso(s.requestedAt), "confirmedAt", iso(s.confirmedAt),
                "unsubscribedAt", iso(s.unsubscribedAt), "minor", s.minor, "parentEmail", s.parentEmail,
                "parentConfirmedAt", iso(s.parentConfirmedAt), "holdExpiresAt", iso(s.holdExpiresAt));
    }

    /** A record in the order its fields are given; values may be null. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
