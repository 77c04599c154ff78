package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.TopicProbe;

/**
 * The thinnest real slice through the suite: a visitor consents, then writes through the contact form and confirms
 * her address from the acknowledgement the local mail server received; the controller asks for erasure; every service erases and replies; afterwards no database of the participants and
 * no topic holds the person's email, names or phone in any form.
 */
class ErasureAcrossTheSuiteIT extends AcrossTheSuite {

    ErasureAcrossTheSuiteIT() {
        super();
    }


    @Test
    void erasureReachesEveryServiceAndLeavesNoPersonalDataBehind() throws Exception {
        String email = "Severine.Quatrefages@Example.org";
        String phone = "05 53 69 22 00";

        // 1. The banner records the visitor's cookie choices.
        // The service issues the visitor id (signed, kept by the banner in its cookie) with the first choice.
        JsonNode choice = http.firstChoice(null, """
                {"google-analytics":true,"youtube-video":false}""");
        String visitorId = choice.get("visitorId").asText();

        // 2. The same browser sends the contact form: the request is stored, but links nothing yet.
        HttpResponse<String> contact = http.post(SuiteService.CONTACT, "/api/contact-requests", null, """
                {"civility":"MS","firstName":"Séverine","lastName":"Quatrefages","email":"%s","phone":"%s",
                 "postalAddress":"12 allée des Tilleuls, 24100 Bergerac","country":"FR",
                 "message":"Merci de me rappeler.","visitorId":"%s"}
                """.formatted(email, phone, visitorId));
        assertEquals(201, contact.statusCode(), contact.body());
        String contactRequestId = SuiteHttp.json(contact.body()).get("id").asText();

        // 3. She follows the confirmation link of the acknowledgement the mail server received, as she would:
        //    opening it shows a button, pressing it confirms. Only then is the visitor linked to her.
        assertEquals(0, db.count(prefix + "contact", "select count(*) from prospect where lower(email) = lower(?)", email),
                "nothing is enrolled before she confirms");
        Mailbox.confirmAddress(stack, email);
        String prospectId = Eventually.until("her prospect record", Duration.ofSeconds(60),
                () -> db.text(prefix + "contact", "select id::text from prospect where lower(email) = lower(?)", email),
                id -> id != null);
        // Her records' clocks: other classes run on the same stack, so only these are counted.
        String herClocks = "select count(*) from retention_clock where record_id in ('%s', '%s', '%s')"
                .formatted(choice.get("id").asText(), contactRequestId, prospectId);

        // retention-service holds the request's, the prospect's and the consent's clocks; consent-service the link.
        Eventually.until("the request's, the prospect's and the consent's retention clocks", Duration.ofSeconds(60),
                () -> db.count(prefix + "retention", herClocks), n -> n == 3);
        Eventually.until("the visitor linked to the subject", Duration.ofSeconds(60),
                () -> db.count(prefix + "consent", "select count(*) from visitor_link where visitor_id = ?::uuid", visitorId),
                n -> n == 1);

        // 4. The controller asks for erasure, typing the email in another case with spaces around it.
        String erasure = """
                {"type":"ERASURE","channel":"EMAIL","subject":{"email":"  severine.quatrefages@EXAMPLE.ORG ","firstName":"Séverine","lastName":"Quatrefages"}}
                """;
        assertEquals(401, http.post(SuiteService.DSR, "/api/requests", null, erasure).statusCode());
        HttpResponse<String> created = http.post(SuiteService.DSR, "/api/requests", stack.tokens().token(ControllerTokens.CONTROLLER), erasure);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode request = SuiteHttp.json(created.body());
        Instant received = Instant.parse(request.get("receivedAt").asText());
        assertEquals(received.plus(Duration.ofDays(30)), Instant.parse(request.get("dueAt").asText()));
        String requestId = request.get("id").asText();
        assertEquals("AWAITING_IDENTITY", request.get("status").asText(), "work starts once identity is verified");
        HttpResponse<String> verified = http.post(SuiteService.DSR, "/api/requests/" + requestId + "/identity",
                stack.tokens().token(ControllerTokens.CONTROLLER), """
                {"verified":true,"method":"DOCUMENT","note":"identity card checked"}
                """);
        assertEquals(200, verified.statusCode(), verified.body());
        // Read while the request is open: closing takes the subject key from dsr-service's case record.
        String subjectKey = db.text(prefix + "dsr", "select subject_key from dsr_request where id = ?::uuid", requestId);
        assertNotNull(subjectKey);

        // 5. Every participant erases and replies; only then is the request COMPLETED.
        JsonNode done = Eventually.until("the erasure request completed", Duration.ofSeconds(90),
                () -> http.get(SuiteService.DSR, "/api/requests/" + requestId, stack.tokens().token(ControllerTokens.AUDITOR)),
                r -> "COMPLETED".equals(r.get("status").asText()));
        List<String> replied = new ArrayList<>();
        done.get("participants").forEach(p -> {
            replied.add(p.get("service").asText());
            assertTrue(List.of("DONE", "NOTHING_FOUND").contains(p.get("outcome").asText()), p.toString());
        });
        assertEquals(List.of("consent-service", "contact-service", "retention-service"), replied.stream().sorted().toList());
        done.get("participants").forEach(p -> {
            if (!p.get("service").asText().equals("retention-service")) {
                assertEquals("DONE", p.get("outcome").asText(), p.toString());
            }
        });

        // The completion letter (decision 0037) names the person's address in dsr-service's mail outbox until the
        // mail server has accepted it; then the row is gone.
        Eventually.until("the completion letter handed to the mail server", Duration.ofSeconds(60),
                () -> db.count(prefix + "dsr", "select count(*) from outgoing_mail where lower(trim(recipient)) = lower(?)", email),
                n -> n == 0);

        // 6. Nothing of the person is left in the participants' databases, nor on any topic.
        // The closed DSR case keeps a clock of its own (its proof of compliance, no subject key): not the person's.
        Eventually.until("every retention clock of the subject's records removed", Duration.ofSeconds(60),
                () -> db.count(prefix + "retention", herClocks), n -> n == 0);
        List<String> personal = List.of("severine.quatrefages@example.org", "séverine", "quatrefages",
                "0553692200", "+33553692200", "05 53 69 22 00", "553692200");
        for (String service : List.of("contact", "consent", "retention")) {
            List<String> rows = db.everyRow(prefix + service);
            assertHoldsNone(rows, personal, service);
            assertTrue(rows.stream().noneMatch(r -> r.contains(subjectKey)), service + " still holds the subject key: " + rows);
        }
        List<String> dsrRows = db.everyRow(prefix + "dsr");
        assertHoldsNone(dsrRows, personal, "dsr");
        assertEquals(1, db.count(prefix + "dsr", "select count(*) from dsr_request where id = ?::uuid", requestId),
                "dsr-service keeps its case record");
        assertEquals(1, db.count(prefix + "dsr", "select count(*) from dsr_request where id = ?::uuid"
                + " and subject_key is null and visitor_ids is null", requestId), "the closed case keeps no subject key");

        TopicProbe bus = new TopicProbe(stack.bootstrapServers());
        for (String topic : Topics.all()) {
            List<String> records = bus.readAll(topic).stream().map(r -> r.key() + " " + r.value()).toList();
            assertHoldsNone(records, personal, "topic " + topic);
        }
        for (String participant : Topics.SUITE_PARTICIPANTS) {
            assertTrue(bus.readAll(Topics.dsrReplies(participant)).size() >= 1,
                    participant + "'s reply travelled over its own reply topic");
        }
    }

    private static void assertHoldsNone(List<String> haystack, List<String> needles, String where) {
        for (String row : haystack) {
            String lower = row.toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                assertTrue(!lower.contains(needle.toLowerCase(Locale.ROOT)), where + " holds personal data (" + needle + "): " + row);
            }
        }
    }
}
