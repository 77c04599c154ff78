package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.TopicProbe;

/**
 * Every right of the policy's article 9, run by the controller through dsr-service against a person who has data in
 * every service: a consent with a signed visitor id, a confirmed contact request (so a prospect) and their retention
 * clocks. ACCESS and PORTABILITY are read field by field; RECTIFICATION is followed by an ACCESS that shows the
 * corrected values under the corrected address; restriction, its lift, objection, the automated-decision statement
 * and a post-mortem directive each complete across the suite with their effect where the data lives.
 */
class RightsAcrossTheSuiteIT extends AcrossTheSuite {

    RightsAcrossTheSuiteIT() {
        super();
    }


    @Test
    void everyRightRunsAcrossTheSuite() throws Exception {
        String email = "Odile.Marchetti@Example.org";
        String corrected = "odile.marchetti-roy@example.org";

        // A visitor accepts analytics and YouTube videos, then writes through the contact form and confirms her address.
        JsonNode choice = http.firstChoice(null, """
                {"google-analytics":true,"youtube-video":true}""");
        String visitorId = choice.get("visitorId").asText();
        HttpResponse<String> contact = http.post(SuiteService.CONTACT, "/api/contact-requests", null, """
                {"civility":"MS","firstName":"Odile","lastName":"Marchetti","email":"%s","phone":"05 53 31 45 00",
                 "postalAddress":"4 rue des Remparts, 24200 Sarlat","country":"FR",
                 "message":"Pouvez-vous me rappeler ?","visitorId":"%s"}
                """.formatted(email, visitorId));
        assertEquals(201, contact.statusCode(), contact.body());
        Mailbox.confirmAddress(stack, email);
        String prospectId = Eventually.until("her prospect record", Duration.ofSeconds(60),
                () -> db.text(prefix + "contact", "select id::text from prospect where lower(email) = lower(?)", email),
                id -> id != null);
        // Other classes run on the same stack: only her records are counted.
        Eventually.until("the prospect's, the request's and the consent's clocks", Duration.ofSeconds(60),
                () -> db.count(prefix + "retention", "select count(*) from retention_clock where record_id in (?, ?, ?)",
                        choice.get("id").asText(), SuiteHttp.json(contact.body()).get("id").asText(), prospectId),
                n -> n == 3);
        Eventually.until("the visitor linked to her", Duration.ofSeconds(60),
                () -> db.count(prefix + "consent", "select count(*) from visitor_link where visitor_id = ?::uuid", visitorId),
                n -> n == 1);

        // ACCESS: a report she can read, in English and in French, with what each service holds and why.
        JsonNode access = completed(request("ACCESS", email, "", ""));
        assertAllSettled(access, "DONE");
        String report = text(http.getBytes(SuiteService.DSR, "/api/requests/" + access.get("id").asText() + "/report?lang=en", controller()));
        for (String value : List.of("Odile", "Marchetti", "odile.marchetti@example.org", "+33553314500",
                "4 rue des Remparts, 24200 Sarlat", "Pouvez-vous me rappeler ?", visitorId, "google-analytics",
                "contact-service", "consent-service", "retention-service", "3 years", "13 months",
                "3 Place de Fontenoy")) {
            assertTrue(report.contains(value) || report.contains(escaped(value)), "the English report shows " + value);
        }
        String rapport = text(http.getBytes(SuiteService.DSR, "/api/requests/" + access.get("id").asText() + "/report?lang=fr", controller()));
        for (String words : List.of("3 ans", "13 mois", "CNIL", "3 Place de Fontenoy")) {
            assertTrue(rapport.contains(words), "the French report shows " + words);
        }
        JsonNode summary = http.get(SuiteService.DSR, "/api/requests/" + access.get("id").asText() + "/summary?lang=fr", auditor());
        assertTrue(summary.get("text").asText().contains("CNIL"), summary.toString());
        assertEquals(3, summary.get("services").size(), summary.toString());

        // PORTABILITY: a zip with every service's export as JSON, and one CSV per category, checked field by field.
        JsonNode portability = completed(request("PORTABILITY", email, "", ""));
        HttpResponse<byte[]> zip = http.getBytes(SuiteService.DSR, "/api/requests/" + portability.get("id").asText() + "/package", controller());
        assertEquals(200, zip.statusCode());
        Map<String, String> entries = unzip(zip.body());
        JsonNode export = SuiteHttp.json(entries.get("export.json"));
        assertEquals("PORTABILITY", export.get("type").asText());
        JsonNode prospect = category(export, "contact-service", "prospect").get("records").get(0);
        assertEquals("MS", prospect.get("civility").asText());
        assertEquals("Odile", prospect.get("firstName").asText());
        assertEquals("Marchetti", prospect.get("lastName").asText());
        assertEquals("odile.marchetti@example.org", prospect.get("email").asText().toLowerCase());
        assertEquals("+33553314500", prospect.get("phone").asText());
        assertEquals("4 rue des Remparts, 24200 Sarlat", prospect.get("postalAddress").asText());
        assertEquals("FR", prospect.get("country").asText());
        JsonNode request = category(export, "contact-service", "contact-requests").get("records").get(0);
        assertEquals("Pouvez-vous me rappeler ?", request.get("message").asText());
        assertEquals(visitorId, request.get("visitorId").asText());
        assertEquals("PROSPECT", category(export, "contact-service", "prospect").get("retentionCategory").asText());
        Map<String, Boolean> decisions = new LinkedHashMap<>();
        category(export, "consent-service", "consent-decisions").get("records")
                .forEach(d -> decisions.put(d.get("service").asText(), d.get("accepted").asBoolean()));
        assertEquals(Boolean.TRUE, decisions.get("google-analytics"), decisions.toString());
        assertEquals(Boolean.TRUE, decisions.get("youtube-video"), decisions.toString());
        assertEquals(visitorId, category(export, "consent-service", "consent-proofs").get("records").get(0).get("visitorId").asText());
        List<String> clocks = new ArrayList<>();
        category(export, "retention-service", "retention-clocks").get("records").forEach(c -> clocks.add(c.get("category").asText()));
        // The consent proof's clock is kept by visitor: the ledger cannot tie it to her, consent-service's export does.
        assertTrue(clocks.contains("PROSPECT"), clocks.toString());
        String prospectCsv = entries.get("contact-service/prospect.csv");
        assertNotNull(prospectCsv, "one CSV per category: " + entries.keySet());
        List<String> lines = prospectCsv.lines().toList();
        assertEquals(2, lines.size(), prospectCsv);
        assertTrue(lines.get(0).startsWith("id,civility,firstName,lastName,email,phone,postalAddress,country"), lines.get(0));
        assertTrue(lines.get(1).contains("Odile,Marchetti,") && lines.get(1).contains("+33553314500"), lines.get(1));

        // RECTIFICATION: a new last name, email and phone, applied where the data lives; the subject key follows the email.
        JsonNode rectification = completed(request("RECTIFICATION", email, """
                ,"corrections":{"lastName":"Marchetti-Roy","email":"%s","phone":"+33553314501"}""".formatted(corrected), ""));
        assertEquals("DONE", outcome(rectification, "contact-service"), rectification.toString());
        assertEquals("DONE", outcome(rectification, "consent-service"), rectification.toString());
        assertEquals("DONE", outcome(rectification, "retention-service"), rectification.toString());
        JsonNode after = completed(request("ACCESS", corrected, "", ""));
        String correctedReport = text(http.getBytes(SuiteService.DSR, "/api/requests/" + after.get("id").asText() + "/report?lang=en", controller()));
        assertTrue(correctedReport.contains("Marchetti-Roy") && correctedReport.contains(corrected)
                && correctedReport.contains("+33553314501"), "the corrected values are what an access shows now");
        assertFalse(correctedReport.contains("+33553314500"), "the old phone number is gone");
        assertTrue(correctedReport.contains(visitorId), "the consent follows the corrected address");
        JsonNode old = completed(request("ACCESS", email, "", ""));
        assertAllSettled(old, "NOTHING_FOUND");

        // RESTRICTION, then its lift, in every service that holds her.
        String subjectKey = db.text(prefix + "contact", "select subject_key from prospect where lower(email) = lower(?)", corrected);
        assertNotNull(subjectKey, "her prospect record, under the corrected address");
        JsonNode restriction = completed(request("RESTRICTION", corrected, "", ""));
        assertAllSettled(restriction, "DONE");
        assertEquals(1, db.count(prefix + "contact", "select count(*) from restricted_subject where subject_key = ?", subjectKey));
        assertEquals(1, db.count(prefix + "consent", "select count(*) from visitor_link where visitor_id = ?::uuid and restricted_at is not null", visitorId));
        assertEquals(1, db.count(prefix + "retention", "select count(*) from legal_hold where placed_by = 'dsr-service' and lifted_at is null and subject_key = ?", subjectKey));
        JsonNode lifted = completed(request("RESTRICTION_LIFTED", corrected, "", ""));
        assertAllSettled(lifted, "DONE");
        assertEquals(0, db.count(prefix + "contact", "select count(*) from restricted_subject where subject_key = ?", subjectKey));
        assertEquals(0, db.count(prefix + "consent", "select count(*) from visitor_link where restricted_at is not null and visitor_id = ?::uuid", visitorId));
        assertEquals(0, db.count(prefix + "retention", "select count(*) from legal_hold where lifted_at is null and subject_key = ?", subjectKey));

        // OBJECTION: on the suppression list, and the marketing services refused in a new proof.
        JsonNode objection = completed(request("OBJECTION", corrected, "", ""));
        assertEquals("DONE", outcome(objection, "contact-service"), objection.toString());
        assertEquals("DONE", outcome(objection, "consent-service"), objection.toString());
        assertEquals("NOTHING_FOUND", outcome(objection, "retention-service"), objection.toString());
        assertEquals(1, db.count(prefix + "contact", "select count(*) from suppressed_subject where subject_key = ?", subjectKey));
        assertEquals(1, db.count(prefix + "consent", "select count(*) from consent_proof where action = 'OBJECTION' and visitor_id = ?::uuid", visitorId));

        // AUTOMATED_DECISION: the configured statement, every service saying it makes no such decision.
        JsonNode automated = completed(request("AUTOMATED_DECISION", corrected, "", ""));
        assertAllSettled(automated, "NOTHING_FOUND");
        assertFalse(automated.get("statement").asText("").isBlank(), automated.toString());

        // POST_MORTEM_DIRECTIVE: kept sealed by dsr-service, never in clear.
        JsonNode directive = completed(request("POST_MORTEM_DIRECTIVE", corrected, """
                ,"directive":{"text":"Fermer mes comptes et effacer mes données.","trustedThirdParty":{"name":"Paul Roy","email":"paul.roy@example.org"}}""", ""));
        assertEquals("COMPLETED", directive.get("status").asText());
        assertEquals(1, db.count(prefix + "dsr", "select count(*) from post_mortem_directive where subject_key = ?", subjectKey));
        // The completion letters of the rectification and the restriction (decision 0037) name her address in
        // dsr-service's mail outbox until the mail server has accepted them; then the rows are gone.
        Eventually.until("the completion letters handed to the mail server", Duration.ofSeconds(60),
                () -> db.count(prefix + "dsr", "select count(*) from outgoing_mail where lower(trim(recipient)) in (lower(?), lower(?))",
                        email, corrected), n -> n == 0);
        List<String> dsrRows = db.everyRow(prefix + "dsr");
        for (String secret : List.of("Fermer mes comptes", "paul.roy@example.org", "Paul Roy", "marchetti")) {
            assertTrue(dsrRows.stream().noneMatch(r -> r.toLowerCase().contains(secret.toLowerCase())),
                    "dsr-service holds " + secret + " in clear");
        }

        // Exports, corrections and directives travelled sealed: no topic holds her data in clear.
        TopicProbe bus = new TopicProbe(stack.bootstrapServers());
        for (String topic : Topics.all()) {
            for (var record : bus.readAll(topic)) {
                String seen = (record.key() + " " + record.value()).toLowerCase();
                for (String personal : List.of("marchetti", "odile", "+33553314500", "+33553314501", "remparts", "paul.roy")) {
                    assertFalse(seen.contains(personal), "topic " + topic + " holds " + personal + " in clear");
                }
            }
        }
    }

    /** Records a request and verifies the requester's identity, as the controller does; returns its id. */
    private String request(String type, String email, String extra, String visitorIds) {
        HttpResponse<String> created = http.post(SuiteService.DSR, "/api/requests", controller(), """
                {"type":"%s","channel":"EMAIL","subject":{"email":"%s","firstName":"Odile","lastName":"Marchetti"}%s%s}
                """.formatted(type, email, extra, visitorIds));
        assertEquals(201, created.statusCode(), created.body());
        String id = SuiteHttp.json(created.body()).get("id").asText();
        HttpResponse<String> verified = http.post(SuiteService.DSR, "/api/requests/" + id + "/identity", controller(), """
                {"verified":true,"method":"DOCUMENT","note":"identity card checked"}
                """);
        assertEquals(200, verified.statusCode(), verified.body());
        return id;
    }

    private JsonNode completed(String id) {
        return Eventually.until("request " + id + " completed", Duration.ofSeconds(90),
                () -> http.get(SuiteService.DSR, "/api/requests/" + id, auditor()),
                r -> "COMPLETED".equals(r.get("status").asText()));
    }

    private void assertAllSettled(JsonNode request, String outcome) {
        assertEquals(3, request.get("participants").size(), request.toString());
        request.get("participants").forEach(p -> assertEquals(outcome, p.get("outcome").asText(), request.toString()));
    }

    private String outcome(JsonNode request, String service) {
        for (JsonNode p : request.get("participants")) {
            if (p.get("service").asText().equals(service)) {
                return p.get("outcome").asText();
            }
        }
        throw new AssertionError(service + " is not a participant: " + request);
    }

    private JsonNode category(JsonNode export, String service, String name) {
        for (JsonNode s : export.get("services")) {
            if (s.get("service").asText().equals(service)) {
                for (JsonNode c : s.get("categories")) {
                    if (c.get("name").asText().equals(name)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError(service + " exported no " + name + ": " + export);
    }

    private Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        return body;
    }

    /** How Qute's HTML escaping writes a value. */
    private String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private String controller() {
        return stack.tokens().token(ControllerTokens.CONTROLLER);
    }

    private String auditor() {
        return stack.tokens().token(ControllerTokens.AUDITOR);
    }

    @SuppressWarnings("unused")
    private String uuid() {
        return UUID.randomUUID().toString();
    }
}
