package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.exportReply;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static eu.privacysuite.dsr.RequestFixtures.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.privacysuite.dsr.service.ResultsExpiry;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.MovingClockTestBase;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** The results of ACCESS and PORTABILITY requests, assembled from sealed exports sent on the real broker. */
@QuarkusTest
class RequestResultsTest extends MovingClockTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    SealedExports sealed;

    @Inject
    RequestFixtures fixtures;

    @Inject
    ResultsExpiry expiry;

    @Test
    void accessReportShowsEveryServicesDataWithItsPurposeBasisRetentionSourceAndRecipients() {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.ACCESS, key);
        sendExport(key, id, contactExport());
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("two answers recorded", WAIT, () -> replied(id) == 2);

        controller().get("/api/requests/" + id + "/report").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));

        sendExport(key, id, retentionExport());
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        String fr = controller().queryParam("lang", "fr").get("/api/requests/" + id + "/report").then()
                .statusCode(200).contentType("text/html").header("Cache-Control", "no-store")
                .header("Content-Language", "fr").extract().asString();
        assertTrue(fr.contains("<html lang=\"fr\">"), fr);
        assertTrue(fr.contains("<h1>Vos données personnelles</h1>"), fr);
        assertTrue(fr.contains("<h2>Service contact-service</h2>"), fr);
        assertTrue(fr.contains("<h3>Prospect file</h3>"), fr);
        assertTrue(fr.contains("<td class=\"purpose\">Answering your requests</td>"), fr);
        assertTrue(fr.contains("<td class=\"legal-basis\">Legitimate interest</td>"), fr);
        assertTrue(fr.contains("<td class=\"retention\">3 ans, puis supprimées (Prospecting, policy art. 3)</td>"), fr);
        assertTrue(fr.contains("<td class=\"source\">The contact form</td>"), fr);
        assertTrue(fr.contains("<td class=\"recipients\">Sales team, Mailing provider</td>"), fr);
        assertTrue(fr.contains("<h3>Newsletter</h3>") && fr.contains(
                "<td class=\"retention\">1 an, 6 mois et 15 jours, puis anonymisées (Consent)</td>"), fr);
        assertTrue(fr.contains("<tr><td>firstName</td><td>Élodie</td></tr>"), fr);
        assertTrue(fr.contains("<tr><td>visits</td><td>3</td></tr>"), fr);
        assertTrue(fr.contains("<tr><td>optedIn</td><td>true</td></tr>"), fr);
        assertTrue(fr.contains("<td class=\"received\">" + day(Instant.now(), Locale.FRENCH) + "</td>"), fr);
        assertTrue(fr.contains("<td class=\"completed\">" + day(Instant.now(), Locale.FRENCH) + "</td>"), fr);
        assertTrue(fr.contains("3 Place de Fontenoy") && fr.contains("TSA 80715")
                && fr.contains("75334 Paris Cedex 07") && fr.contains("www.cnil.fr"), fr);
        // A value is text, never markup: the script a visitor typed into a form is shown, not run.
        assertFalse(fr.contains("<script>"), fr);
        assertTrue(fr.contains("<tr><td>lastName</td><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td></tr>"), fr);
        // The schedule is how long data is kept, not data about the person, and consent-service held nothing.
        assertFalse(fr.contains("retention-schedule") || fr.contains("Service consent-service"), fr);

        String en = controller().queryParam("lang", "en").get("/api/requests/" + id + "/report").then()
                .statusCode(200).header("Content-Language", "en").extract().asString();
        assertTrue(en.contains("<h1>Your personal data</h1>"), en);
        assertTrue(en.contains("<td class=\"retention\">3 years, then deleted (Prospecting, policy art. 3)</td>"), en);
        assertTrue(en.contains("<td class=\"retention\">1 year, 6 months and 15 days, then anonymised (Consent)</td>"), en);
        assertTrue(en.contains("<td class=\"received\">" + day(Instant.now(), Locale.UK) + "</td>"), en);
        assertTrue(en.contains("Your right to complain") && en.contains("3 Place de Fontenoy"), en);
        assertFalse(en.contains("<script>"), en);

        assertEquals(2, DsrApi.auditOf(id).stream().filter("test-operator: report downloaded"::equals).count(), DsrApi.auditOf(id).toString());
        controller().queryParam("lang", "de").get("/api/requests/" + id + "/report").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + id + "/report").then().statusCode(403);
        controller().get("/api/requests/" + id + "/package").then().statusCode(404)
                .contentType("application/problem+json");
        controller().get("/api/requests/" + UUID.randomUUID() + "/report").then().statusCode(404);
        controller().get("/api/requests/not-a-uuid/report").then().statusCode(400);
    }

    @Test
    void accessReportOfAPersonNoServiceKnowsSaysSo() {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.ACCESS, key);
        reply(key, id, "contact-service", DsrOutcome.NOTHING_FOUND, 0, null);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        // The schedule alone is no data about the person.
        sendExport(key, id, retentionExport());
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        String en = controller().queryParam("lang", "en").get("/api/requests/" + id + "/report").then()
                .statusCode(200).extract().asString();
        assertTrue(en.contains("<p class=\"nothing-held\">No service holds personal data about you.</p>"), en);
        assertFalse(en.contains("<section class=\"service\""), en);
        assertTrue(en.contains("75334 Paris Cedex 07"), en);
    }

    @Test
    void portabilityPackageHoldsExportJsonAndOneCsvPerServiceAndCategory() throws IOException {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.PORTABILITY, key);
        sendExport(key, id, contactExport());
        sendExport(key, id, new SubjectExport("consent-service", List.of(new ExportCategory("cookie-consent",
                "Cookie choices", "COOKIE_CONSENT", "Proving your choices", "Legal obligation", "The banner", List.of(),
                List.of(record("visitorId", "9f0c", "analytics", false, "givenAt", "2026-11-01T10:00:00Z"))))));
        controller().get("/api/requests/" + id + "/package").then().statusCode(409);
        reply(key, id, "retention-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        byte[] zip = controller().get("/api/requests/" + id + "/package").then().statusCode(200)
                .contentType("application/zip").header("Cache-Control", "no-store").extract().asByteArray();
        Map<String, String> entries = unzip(zip);
        assertEquals(List.of("export.json", "consent-service/cookie-consent.csv", "contact-service/prospect.csv",
                "contact-service/newsletter.csv"), List.copyOf(entries.keySet()), "services by name, categories as sent");

        List<Map<String, String>> prospects = csv(entries.get("contact-service/prospect.csv"));
        assertEquals("firstName,lastName,email,visits,country", entries.get("contact-service/prospect.csv").lines()
                .findFirst().orElseThrow(), "the header is every field, in the order first seen");
        assertEquals(2, prospects.size());
        assertEquals("Élodie", prospects.get(0).get("firstName"));
        assertEquals("<script>alert('x')</script>", prospects.get(0).get("lastName"));
        assertEquals("elodie@example.fr", prospects.get(0).get("email"));
        assertEquals("3", prospects.get(0).get("visits"));
        assertEquals("", prospects.get(0).get("country"));
        assertEquals("'=HYPERLINK(\"http://x\")", prospects.get(1).get("firstName"), "a formula stays text");
        assertEquals("", prospects.get(1).get("lastName"));
        assertEquals("FR", prospects.get(1).get("country"));
        List<Map<String, String>> newsletter = csv(entries.get("contact-service/newsletter.csv"));
        assertEquals(List.of(Map.of("list", "weekly", "optedIn", "true")), newsletter);
        List<Map<String, String>> consents = csv(entries.get("consent-service/cookie-consent.csv"));
        assertEquals(List.of(Map.of("visitorId", "9f0c", "analytics", "false", "givenAt", "2026-11-01T10:00:00Z")),
                consents);

        JsonNode json = DsrApi.MAPPER.readTree(entries.get("export.json"));
        assertEquals(id.toString(), json.get("requestId").asText());
        assertEquals("PORTABILITY", json.get("type").asText());
        assertNotNull(Instant.parse(json.get("completedAt").asText()));
        JsonNode contact = json.get("services").get(1);
        assertEquals("contact-service", contact.get("service").asText());
        JsonNode prospect = contact.get("categories").get(0);
        assertEquals("prospect", prospect.get("name").asText());
        assertEquals("PROSPECT", prospect.get("retentionCategory").asText());
        assertEquals("Answering your requests", prospect.get("purpose").asText());
        assertEquals("Legitimate interest", prospect.get("legalBasis").asText());
        assertEquals("The contact form", prospect.get("source").asText());
        assertEquals("Mailing provider", prospect.get("recipients").get(1).asText());
        assertEquals("Élodie", prospect.get("records").get(0).get("firstName").asText());
        assertEquals(3, prospect.get("records").get(0).get("visits").asInt());
        assertEquals("=HYPERLINK(\"http://x\")", prospect.get("records").get(1).get("firstName").asText(),
                "export.json keeps every value exact");
        JsonNode consent = json.get("services").get(0);
        assertEquals("consent-service", consent.get("service").asText());
        assertFalse(consent.get("categories").get(0).get("records").get(0).get("analytics").asBoolean(true));
        assertEquals(2, json.get("services").size(), "retention-service held nothing");

        assertTrue(DsrApi.auditOf(id).contains("test-operator: package downloaded"), DsrApi.auditOf(id).toString());
        controller().get("/api/requests/" + id + "/report").then().statusCode(404);
    }

    @Test
    void resultsAreGoneOnceTheDownloadWindowClosesAndTheJobDeletesTheExports() {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.ACCESS, key);
        sendExport(key, id, contactExport());
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        sendExport(key, id, retentionExport());
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(2, fixtures.storedParts(id));

        clock.advance(Duration.ofDays(6));
        controller().get("/api/requests/" + id + "/report").then().statusCode(200);
        expiry.deleteExpired();
        assertEquals(2, fixtures.storedParts(id), "within the window nothing is deleted");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        controller().get("/api/requests/" + id + "/report").then().statusCode(410)
                .contentType("application/problem+json").body("status", equalTo(410));
        assertTrue(expiry.deleteExpired() >= 1);
        assertEquals(0, fixtures.storedParts(id));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.startsWith("dsr-service: results deleted")), DsrApi.auditOf(id).toString());
        controller().get("/api/requests/" + id + "/report").then().statusCode(410);
        // What was done stays provable: the summary needs no export.
        controller().get("/api/requests/" + id + "/summary").then().statusCode(200);
    }

    @Test
    void completionSummarySaysWhatEachServiceDidAndWhereToComplain() {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID id = DsrApi.verifiedErasure(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 3, null);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("two answers recorded", WAIT, () -> replied(id) == 2);
        controller().get("/api/requests/" + id + "/summary").then().statusCode(409)
                .contentType("application/problem+json");
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        var fr = given().auth().oauth2(TestTokens.auditor()).queryParam("lang", "fr")
                .get("/api/requests/" + id + "/summary").then().statusCode(200).extract().jsonPath();
        String today = day(Instant.now(), Locale.FRENCH);
        assertEquals("ERASURE", fr.getString("type"));
        assertEquals("fr", fr.getString("language"));
        assertEquals(List.of("consent-service", "contact-service", "retention-service"), fr.getList("services.service"));
        assertEquals(List.of("NOTHING_FOUND", "DONE", "DONE"), fr.getList("services.outcome"));
        String text = fr.getString("text");
        assertTrue(text.startsWith("Votre demande portant sur l'effacement de vos données personnelles, reçue le "
                + today + ", a été traitée le " + today + "."), text);
        assertTrue(text.contains("- contact-service : 3 enregistrements effacés, le " + today + " à "), text);
        assertTrue(text.contains("- retention-service : 1 enregistrement effacé, le "), text);
        assertTrue(text.contains("- consent-service : ne détient aucune donnée vous concernant, le "), text);
        assertTrue(text.contains("réclamation") && text.contains(
                "CNIL, 3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr"), text);

        String en = controller().queryParam("lang", "en").get("/api/requests/" + id + "/summary").then()
                .statusCode(200).extract().path("text");
        assertTrue(en.startsWith("Your request concerning erasure of your personal data, received on "
                + day(Instant.now(), Locale.UK)), en);
        assertTrue(en.contains("- contact-service: erased 3 records, on "), en);
        assertTrue(en.contains("- consent-service: holds no data about you, on "), en);
        assertTrue(en.contains("lodge a complaint") && en.contains("3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"), en);
        // An erasure has no report or package.
        controller().get("/api/requests/" + id + "/report").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification controller() {
        return given().auth().oauth2(TestTokens.controller());
    }

    private void sendExport(String key, UUID id, SubjectExport export) {
        List<String> parts = sealed.seal(id, export.service(), export);
        for (int i = 0; i < parts.size(); i++) {
            exportReply(key, id, export.service(), export.recordCount(), parts.get(i), i, parts.size());
        }
    }

    static SubjectExport contactExport() {
        return new SubjectExport("contact-service", List.of(
                new ExportCategory("prospect", "Prospect file", "PROSPECT", "Answering your requests",
                        "Legitimate interest", "The contact form", List.of("Sales team", "Mailing provider"), List.of(
                                record("firstName", "Élodie", "lastName", "<script>alert('x')</script>",
                                        "email", "elodie@example.fr", "visits", 3),
                                record("firstName", "=HYPERLINK(\"http://x\")", "lastName", null, "country", "FR"))),
                new ExportCategory("newsletter", "Newsletter", "NEWSLETTER", "Sending the newsletter", "Consent",
                        "The subscription form", List.of(), List.of(record("list", "weekly", "optedIn", true)))));
    }

    static SubjectExport retentionExport() {
        return new SubjectExport("retention-service", List.of(new ExportCategory("retention-schedule",
                "Retention schedule", null, "Saying how long data is kept", "Legal obligation", "Configuration",
                List.of(), List.of(
                        record("category", "PROSPECT", "keep", "P3Y", "action", "DELETE",
                                "legalBasis", "Prospecting, policy art. 3"),
                        record("category", "NEWSLETTER", "keep", "P1Y6M15D", "action", "ANONYMIZE",
                                "legalBasis", "Consent")))));
    }

    private int replied(UUID id) {
        return (int) view(id).getList("participants.status").stream().filter("REPLIED"::equals).count();
    }


    private static String day(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(at.atZone(PARIS));
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static List<Map<String, String>> csv(String text) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }
}
