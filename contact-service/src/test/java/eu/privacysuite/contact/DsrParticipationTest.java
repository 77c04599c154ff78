package eu.privacysuite.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.NewsletterSubscription;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.service.SubjectLists;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.DsrBus;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** contact-service answers every data-subject request sent on the bus (export, rectification, restriction, objection). */
@QuarkusTest
class DsrParticipationTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    SealedExports sealed;
    @Inject
    SubjectLists lists;
    @Inject
    MockMailbox mailbox;

    /** A person with a confirmed contact request (so a prospect), a second request and a pending subscription. */
    private String person(String email, UUID visitor) {
        Api.send(Api.form(email, "Jeanne", "0553692200", visitor)).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        Api.send(Api.form(email, "Jeanne", null, null)).then().statusCode(201);
        NewsletterTest.subscribe(email);
        String subjectKey = Api.subjectKey(email);
        Api.await("the subject's prospect and subscription", Duration.ofSeconds(10),
                () -> count("Prospect", subjectKey) == 1 && count("NewsletterSubscription", subjectKey) == 1 ? true : null);
        return subjectKey;
    }

    @Test
    void accessExportsEveryRecordInSeveralPartsAndARedeliveredCommandIsExportedAgain() throws Exception {
        String email = Api.uniqueEmail("access");
        UUID visitor = UUID.randomUUID();
        String subjectKey = person(email, visitor);
        lists.suppress(subjectKey);
        DsrBus dsr = new DsrBus("contact-service", mapper, sealed);

        EventEnvelope command = dsr.command(subjectKey, DsrAction.ACCESS, List.of(), null);
        dsr.send(command);
        List<JsonNode> parts = dsr.exportParts(command);
        assertTrue(parts.size() > 1, "the test profile cuts exports at 2048 characters: " + parts.size() + " part(s)");
        for (JsonNode part : parts) {
            assertEquals("DONE", part.get("outcome").asText());
            assertEquals(5, part.get("recordCount").asLong(), "2 requests, the prospect, the subscription, the list");
            assertEquals(parts.size(), part.get("exportParts").asInt());
        }
        SubjectExport export = dsr.open(command, parts);
        assertEquals("contact-service", export.service());
        assertEquals(List.of("contact-requests", "prospect", "newsletter-subscriptions", "subject-lists"),
                export.categories().stream().map(ExportCategory::name).toList());

        ExportCategory requests = category(export, "contact-requests");
        assertEquals("PROSPECT", requests.retentionCategory());
        assertTrue(requests.purpose().contains("file of prospects"), requests.purpose());
        assertTrue(requests.legalBasis().contains("expressly consented"), requests.legalBasis());
        assertEquals(3, requests.recipients().size());
        assertEquals(2, requests.records().size());
        Map<String, Object> first = requests.records().get(0);
        assertEquals(List.of("id", "receivedAt", "civility", "firstName", "lastName", "email", "phone",
                "postalAddress", "country", "language", "message", "visitorId", "addressConfirmedAt", "minor",
                "parentEmail", "parentConfirmedAt", "holdExpiresAt"), List.copyOf(first.keySet()));
        assertEquals("MS", first.get("civility"));
        assertEquals("Jeanne", first.get("firstName"));
        assertEquals(email, first.get("email"));
        assertEquals("+33553692200", first.get("phone"));
        assertEquals("FR", first.get("country"));
        assertEquals("Please call me back", first.get("message"));
        assertEquals(visitor.toString(), first.get("visitorId"));
        assertEquals(false, first.get("minor"));
        Instant.parse((String) first.get("receivedAt"));
        assertNotNull(Instant.parse((String) first.get("addressConfirmedAt")), "the first request was confirmed");

        Map<String, Object> prospect = category(export, "prospect").records().get(0);
        assertEquals("Martin", prospect.get("lastName"));
        Instant.parse((String) prospect.get("lastContactAt"));
        ExportCategory newsletter = category(export, "newsletter-subscriptions");
        assertEquals("NEWSLETTER", newsletter.retentionCategory());
        assertEquals("UNSUBSCRIBED", newsletter.records().get(0).get("status"), "the suppression ended it");
        ExportCategory subjectLists = category(export, "subject-lists");
        assertEquals(null, subjectLists.retentionCategory());
        assertEquals("SUPPRESSION", subjectLists.records().get(0).get("list"));
        String json = mapper.writeValueAsString(export);
        for (String secret : List.of("unsubscribeToken", "tokenHash", "idempotencyKey", subjectKey)) {
            assertFalse(json.contains(secret), "the export holds no " + secret);
        }

        // Delivered again: an export is never remembered, so it is made and sealed again.
        dsr.send(command);
        List<JsonNode> all = dsr.replies(command, 2 * parts.size());
        SubjectExport again = dsr.open(command, all.subList(parts.size(), 2 * parts.size()));
        assertEquals(export, again);
    }

    @Test
    void portabilityExportsWhatAccessDoesAndTheStatementActionsChangeNothing() {
        String subjectKey = person(Api.uniqueEmail("portable"), null);
        DsrBus dsr = new DsrBus("contact-service", mapper, sealed);
        EventEnvelope command = dsr.command(subjectKey, DsrAction.PORTABILITY, List.of(), null);
        dsr.send(command);
        SubjectExport export = dsr.open(command, dsr.exportParts(command));
        assertEquals(List.of("contact-requests", "prospect", "newsletter-subscriptions"),
                export.categories().stream().map(ExportCategory::name).toList());

        JsonNode automated = dsr.act(subjectKey, DsrAction.AUTOMATED_DECISION, null);
        assertEquals("NOTHING_FOUND", automated.get("outcome").asText());
        assertTrue(automated.get("reason").asText().contains("no decision based solely on automated processing"));
        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.POST_MORTEM_DIRECTIVE, null).get("outcome").asText());
        assertEquals(1, count("Prospect", subjectKey));
        assertEquals(2, count("ContactRequest", subjectKey));
        assertFalse(lists.isRestricted(subjectKey) || lists.isSuppressed(subjectKey));
    }

    @Test
    void accessForAnUnknownSubjectRepliesNothingFound() {
        JsonNode reply = new DsrBus("contact-service", mapper, sealed).act(Api.subjectKey(Api.uniqueEmail("nobody")),
                DsrAction.ACCESS, null);
        assertEquals("NOTHING_FOUND", reply.get("outcome").asText());
        assertTrue(reply.get("sealedExport").isNull());
    }

    @Test
    void rectificationCorrectsEveryRecordAndAChangedEmailMovesThemAllAndMergesTheProspects() {
        String oldEmail = Api.uniqueEmail("old");
        String newEmail = Api.uniqueEmail("new");
        String oldKey = person(oldEmail, null);
        lists.restrict(oldKey);
        // The new address already has a prospect of its own (a confirmed request): the two merge into it.
        Api.send(Api.form(newEmail, "Jeanne", null, null)).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, newEmail))).then().statusCode(200);
        String newKey = Api.subjectKey(newEmail);
        Api.await("the new address's prospect", Duration.ofSeconds(10), () -> count("Prospect", newKey) == 1 ? true : null);
        UUID survivor = prospect(newKey).id;
        UUID merged = prospect(oldKey).id;

        DsrBus dsr = new DsrBus("contact-service", mapper, sealed);
        EventEnvelope command = dsr.command(oldKey, DsrAction.RECTIFICATION, List.of(),
                new Corrections(newEmail, null, null, "Durand", "+33553692201", null, null));
        dsr.send(command);
        JsonNode reply = dsr.replies(command, 1).get(0);
        assertEquals("DONE", reply.get("outcome").asText());
        assertEquals(7, reply.get("recordCount").asLong(),
                "moved: the prospect, 2 requests, the subscription, the list entry; corrected: the new address's prospect and request");

        for (String entity : List.of("Prospect", "ContactRequest", "NewsletterSubscription", "ConfirmationToken",
                "OutgoingMail", "RestrictedSubject")) {
            assertEquals(0, count(entity, oldKey), entity + " left under the old key");
        }
        Prospect kept = prospect(newKey);
        assertEquals(survivor, kept.id, "the prospect the new address had stays");
        assertEquals("Durand", kept.details.lastName);
        assertEquals("+33553692201", kept.details.phone);
        assertEquals(newEmail, kept.details.email);
        assertEquals(3, count("ContactRequest", newKey));
        assertEquals(3, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1 and r.details.lastName = 'Durand'"
                + " and r.details.email = ?2 and r.details.phone = '+33553692201'", newKey, newEmail));
        assertEquals(2, Api.count("select count(r) from ContactRequest r where r.prospect.id = ?1", survivor),
                "the confirmed requests of both addresses belong to the prospect kept");
        assertEquals(1, Api.count("select count(n) from NewsletterSubscription n where n.subjectKey = ?1 and n.email = ?2",
                newKey, newEmail));
        assertTrue(lists.isRestricted(newKey), "the restriction follows the email");
        dsr.send(command);
        assertEquals(7, dsr.replies(command, 2).get(1).get("recordCount").asLong(), "a redelivery gets the first reply");
        assertEquals(3, count("ContactRequest", newKey), "and changes nothing more");
        dsr.bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(merged.toString())
                && r.value().contains("RECORD_DELETED"), Duration.ofSeconds(20));
    }

    @Test
    void restrictionIsSetAndLiftedAndAnObjectionSuppressesAndEndsTheSubscription() {
        String subjectKey = person(Api.uniqueEmail("restrict"), null);
        DsrBus dsr = new DsrBus("contact-service", mapper, sealed);

        JsonNode restricted = dsr.act(subjectKey, DsrAction.RESTRICTION, null);
        assertEquals("DONE", restricted.get("outcome").asText());
        assertEquals(4, restricted.get("recordCount").asLong(), "2 requests, the prospect, the subscription");
        assertTrue(lists.isRestricted(subjectKey));
        assertEquals("DONE", dsr.act(subjectKey, DsrAction.RESTRICTION_LIFTED, null).get("outcome").asText());
        assertFalse(lists.isRestricted(subjectKey));
        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.RESTRICTION_LIFTED, null).get("outcome").asText());
        assertEquals("NOTHING_FOUND", dsr.act(Api.subjectKey(Api.uniqueEmail("stranger")), DsrAction.RESTRICTION,
                null).get("outcome").asText(), "nobody is listed for a subject who holds nothing here");

        JsonNode objected = dsr.act(subjectKey, DsrAction.OBJECTION, null);
        assertEquals("DONE", objected.get("outcome").asText());
        assertEquals(2, objected.get("recordCount").asLong(), "the suppression entry and the subscription ended");
        assertTrue(lists.isSuppressed(subjectKey));
        NewsletterSubscription ended = Api.firstOfSubject(NewsletterSubscription.class, subjectKey);
        assertEquals(NewsletterSubscription.Status.UNSUBSCRIBED, ended.status);
        dsr.bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(ended.id.toString())
                && r.value().contains("UNSUBSCRIBED"), Duration.ofSeconds(20));
    }

    private static ExportCategory category(SubjectExport export, String name) {
        return export.categories().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static long count(String entity, String subjectKey) {
        return Api.count("select count(e) from " + entity + " e where e.subjectKey = ?1", subjectKey);
    }

    private static Prospect prospect(String subjectKey) {
        return Api.firstOfSubject(Prospect.class, subjectKey);
    }
}
