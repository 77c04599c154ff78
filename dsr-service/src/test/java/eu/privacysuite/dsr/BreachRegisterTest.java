package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.BreachApi.form;
import static eu.privacysuite.dsr.BreachApi.notifyCnil;
import static eu.privacysuite.dsr.BreachApi.post;
import static eu.privacysuite.dsr.BreachApi.record;
import static eu.privacysuite.dsr.BreachApi.trail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.BreachAuditEntry;
import eu.privacysuite.dsr.service.BreachAuditTrail;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The breach register: strict input, roles, the CNIL's French text, the exports and the chained trail. */
@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "dsr_test"))
@QuarkusTestResource(TestTokens.class)
class BreachRegisterTest {

    @Inject
    BreachAuditTrail breachTrail;

    private static Instant anHourAgo() {
        return Instant.now().minus(Duration.ofHours(1));
    }

    @Test
    void everyMalformedFieldIsA400NamingIt() {
        refused("occurredAt", f -> f.remove("occurredAt"));
        refused("awareAt", f -> f.put("awareAt", "yesterday"));
        refused("awareAt", f -> f.put("awareAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        refused("awareAt", f -> f.put("occurredAt", Instant.now().minus(Duration.ofMinutes(1)).toString()));
        refused("natures", f -> f.put("natures", List.of()));
        refused("natures[0]", f -> f.put("natures", List.of("THEFT")));
        refused("natures", f -> f.put("natures", List.of("INTEGRITY", "INTEGRITY")));
        refused("dataCategories", f -> f.put("dataCategories", List.of()));
        refused("retentionCategories", f -> f.put("retentionCategories", List.of("EVERYTHING")));
        refused("retentionCategories", f -> f.remove("retentionCategories"));
        refused("windowUntil", f -> f.put("windowUntil", "2025-01-01T00:00:00Z"));
        refused("approxSubjects", f -> f.put("approxSubjects", -1));
        refused("approxRecords", f -> f.put("approxRecords", "many"));
        refused("consequences", f -> f.put("consequences", " "));
        refused("measures", f -> f.remove("measures"));
        refused("dpoContact", f -> f.remove("dpoContact"));
        refused("risk", f -> f.put("risk", "MEDIUM"));
        refused("riskReasons", f -> f.remove("riskReasons"));
        post("{\"occurredAt\":").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theControllerWritesTheAuditorReadsAndNobodyElse() {
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(form(anHourAgo(), "RISK"))
                .post("/api/breaches").then().statusCode(403);
        given().contentType(ContentType.JSON).body(form(anHourAgo(), "RISK")).post("/api/breaches").then()
                .statusCode(401);
        UUID id = record(form(anHourAgo(), "RISK"));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON)
                .body(Map.of("sentAt", Instant.now().toString())).post("/api/breaches/" + id + "/notification")
                .then().statusCode(403);
        given().get("/api/breaches/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + id).then().statusCode(200)
                .body("recordedBy", equalTo(TestTokens.SUBJECT)).body("approxSubjects", equalTo(1200))
                .body("retentionCategories", equalTo(List.of("NEWSLETTER", "PROSPECT")));
        given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("id"));
        given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.auditor()).queryParam("due", "later").get("/api/breaches").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("due"));
    }

    @Test
    void theCnilTextIsInFrenchWithEveryFieldOfArticle33Paragraph3() {
        Map<String, Object> form = form(anHourAgo(), "HIGH_RISK");
        form.put("natures", List.of("CONFIDENTIALITY", "AVAILABILITY"));
        UUID id = record(form);
        String text = given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + id + "/cnil-notification")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        for (String expected : List.of(
                "NOTIFICATION D'UNE VIOLATION DE DONNÉES À CARACTÈRE PERSONNEL (RGPD, ARTICLE 33)",
                id.toString(),
                // (a) the nature, the categories and approximate numbers of people and of records
                "perte de confidentialité", "perte de disponibilité", "e-mail addresses, names",
                "abonnés à la lettre d'information, demandes de contact (prospects)",
                "Nombre approximatif de personnes concernées : 1200",
                "Nombre approximatif d'enregistrements concernés : 3400",
                "A backup of the contact database was left readable on a public bucket.",
                // (b) the DPO, (c) the consequences, (d) the measures
                "DPO, dpo@example.org, +33 1 23 45 67 89",
                "Unsolicited mail and phishing attempts using the names.",
                "Bucket made private, access keys rotated, access logs reviewed.",
                "risque élevé", "Names and addresses only; no passwords or payment data.",
                "seront informées individuellement", "Notification dans le délai de 72 heures.",
                "Notification à la CNIL : non encore envoyée", "Date de prise de connaissance",
                // the window's start, the first of January, as French writes it
                "données enregistrées du 1er janvier 2026 à 01:00 (heure de Paris)")) {
            assertTrue(text.contains(expected), "the CNIL text lacks: " + expected + "\n" + text);
        }
        assertFalse(text.contains("{"), "no template expression is left unrendered");
    }

    @Test
    void aLateNotificationsTextGivesTheReasonsForTheDelay() {
        UUID id = record(form(Instant.now().minus(Duration.ofHours(100)), "RISK"));
        String before = cnilText(id);
        assertTrue(before.contains("Le délai de 72 heures est dépassé. Motifs du retard : à compléter"), before);
        notifyCnil(id, Map.of("sentAt", Instant.now().toString(), "lateReason", "Extent known only on day 4."))
                .then().statusCode(200);
        String after = cnilText(id);
        assertTrue(after.contains("Notification effectuée au-delà de 72 heures. Motifs du retard : Extent known "
                + "only on day 4."), after);
        assertTrue(after.contains("Notification à la CNIL : envoyée le "), after);
    }

    @Test
    void theRegisterIsExportedAsJsonAndAsADocumentWithEachTrail() {
        UUID id = record(form(anHourAgo(), "NONE"));
        JsonPath export = given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/export").then()
                .statusCode(200).extract().jsonPath();
        String path = "breaches.find { it.breach.id == '" + id + "' }";
        assertEquals("NOT_REQUIRED", export.getString(path + ".breach.notificationState"));
        assertTrue(export.getBoolean(path + ".trail.verified"));
        assertTrue(export.getString(path + ".trail.entries[0].event").startsWith("recorded: risk NONE"));

        String document = given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/export/document").then()
                .statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertTrue(document.contains("==== Breach " + id + " ===="), document);
        String section = document.substring(document.indexOf("==== Breach " + id));
        assertTrue(section.contains("Risk decision:           NONE"), section);
        assertTrue(section.contains("Notification state:      NOT_REQUIRED"), section);
        assertTrue(section.contains("Audit trail (the hash chain verifies):"), section);
        assertTrue(section.contains("1. ") && section.contains(TestTokens.SUBJECT + " - recorded: risk NONE"), section);
    }

    @Test
    void theTrailIsChainedAndAnAlteredOrDeletedEntryCannotBeHidden() {
        UUID id = record(form(anHourAgo(), "RISK"));
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(form(anHourAgo(), "HIGH_RISK"))
                .put("/api/breaches/" + id).then().statusCode(200).body("risk", equalTo("HIGH_RISK"));
        JsonPath trail = trail(id);
        assertTrue(trail.getBoolean("verified"));
        assertEquals(2, trail.getList("entries").size());
        assertEquals(trail.getString("entries[0].hash"), trail.getString("entries[1].prevHash"));
        String update = trail.getString("entries[1].event");
        assertTrue(update.startsWith("updated ") && update.contains("awareAt") && update.contains(", risk: "), update);
        assertTrue(update.contains(": risk HIGH_RISK"), update);

        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> QuarkusTransaction.requiringNew().run(() -> BreachAuditEntry
                        .update("event = 'nothing happened' where breachId = ?1", id)));
        assertTrue(String.valueOf(refused).contains("append-only") || causes(refused).contains("append-only"));
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> QuarkusTransaction.requiringNew().run(() -> BreachAuditEntry.delete("breachId", id)));
        assertTrue(trail(id).getBoolean("verified"));
    }

    @Test
    void concurrentAppendsToOneBreachNeverForkTheChain() throws Exception {
        UUID id = record(form(anHourAgo(), "RISK"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // Beyond ASCII, so that the hash PostgreSQL computes is checked against Java's on UTF-8 too.
                String event = "étape concurrente n° " + i;
                appends.add(() -> {
                    QuarkusTransaction.requiringNew().run(() -> breachTrail.record(id, "test-writer", event));
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(appends)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath trail = trail(id);
        assertEquals(41, trail.getList("entries").size());
        assertTrue(trail.getBoolean("verified"), () -> trail.getString("problem"));
        assertEquals(41, new HashSet<>(trail.getList("entries.prevHash")).size(), "no two entries follow the same one");
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String cnilText(UUID id) {
        return given().auth().oauth2(TestTokens.controller()).get("/api/breaches/" + id + "/cnil-notification").then()
                .statusCode(200).extract().asString();
    }

    private static void refused(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> form = new HashMap<>(form(anHourAgo(), "RISK"));
        change.accept(form);
        post(form).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).body(not(containsString("dpo@example.org")));
    }
}
