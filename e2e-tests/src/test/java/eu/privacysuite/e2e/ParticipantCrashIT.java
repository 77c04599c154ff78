package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.TopicProbe;

/**
 * A participant crashes (kill -9) while its erasure transaction is open, and is started again. The request
 * still completes, and every effect happened once: each deleted record is reported once, the participant's
 * inbox holds the command once, and the request recorded one answer from it.
 */
class ParticipantCrashIT extends AcrossTheSuite {

    private static final int PROOFS = 150;
    private static final String CLOCKS = "select count(*) from retention_clock where category in ('PROSPECT', 'COOKIE_CONSENT')";

    ParticipantCrashIT() {
        super("e2e-crash-stack", 10, "e2e_crash_", Map.of());
    }

    @Test
    void participantKilledDuringItsErasureIsRestartedAndTheRequestCompletesWithEachEffectOnce() throws Exception {
        String version = http.get(SuiteService.CONSENT, "/api/policy-versions/current", null).get("version").asText();
        // The service issues the visitor id with the first choice; the banner sends its signed token after that.
        JsonNode first = http.firstChoice("CUSTOM", """
                {"google-analytics":true}""");
        UUID visitor = UUID.fromString(first.get("visitorId").asText());
        String visitorToken = first.get("visitorToken").asText();
        for (int i = 1; i < PROOFS; i++) {
            assertEquals(201, http.post(SuiteService.CONSENT, "/api/consents", null, """
                    {"site":"demo","visitorToken":"%s","policyVersion":"%s","action":"CUSTOM","decisions":{"google-analytics":%s}}
                    """.formatted(visitorToken, version, i % 2 == 0)).statusCode());
        }
        assertEquals(201, http.post(SuiteService.CONTACT, "/api/contact-requests", null, """
                {"civility":"MR","firstName":"Aurélien","lastName":"Castagnède","email":"a.castagnede@example.org",
                 "country":"FR","message":"Bonjour"}
                """).statusCode());
        Eventually.until("every retention clock (the proofs and the contact request)", Duration.ofSeconds(90),
                () -> db.count(prefix + "retention", CLOCKS), n -> n == PROOFS + 1);
        Eventually.until("consent-service's outbox drained", Duration.ofSeconds(30),
                () -> db.count(prefix + "consent", "select count(*) from outbox_event"), n -> n == 0);

        // The person names the browser's visitor id in the request (no confirmed contact form links it here).
        String created = http.post(SuiteService.DSR, "/api/requests", token(ControllerTokens.CONTROLLER), """
                {"type":"ERASURE","subject":{"email":"a.castagnede@example.org","firstName":"Aurélien","lastName":"Castagnède"},
                 "visitorIds":["%s"]}
                """.formatted(visitor)).body();
        String requestId = SuiteHttp.json(created).get("id").asText();
        // Work starts once the controller has verified who is asking.
        assertEquals(200, http.post(SuiteService.DSR, "/api/requests/" + requestId + "/identity",
                token(ControllerTokens.CONTROLLER), """
                {"verified":true,"method":"DOCUMENT"}
                """).statusCode());

        // The moment consent-service's erasure transaction has written (its inbox row), kill -9.
        awaitWritingTransaction(prefix + "consent");
        stack.kill(SuiteService.CONSENT);
        JsonNode atTheCrash = request(requestId);
        assertEquals("IN_PROGRESS", atTheCrash.get("status").asText());
        assertEquals("PENDING", participant(atTheCrash, "consent-service").get("status").asText());
        Eventually.until("the open transaction rolled back", Duration.ofSeconds(30),
                () -> db.count(prefix + "consent", "select count(*) from consent_proof where visitor_id = ?::uuid",
                        visitor.toString()), n -> n == PROOFS);

        stack.restart(SuiteService.CONSENT);
        JsonNode done = Eventually.until("the request completed", Duration.ofSeconds(150),
                () -> request(requestId), r -> "COMPLETED".equals(r.get("status").asText()));

        assertEquals(PROOFS, participant(done, "consent-service").get("recordCount").asLong(),
                "every proof, counted once");
        assertEquals(0, db.count(prefix + "consent", "select count(*) from consent_proof"));
        assertEquals(0, db.count(prefix + "consent", "select count(*) from visitor_link"));
        assertEquals(1, db.count(prefix + "consent", "select count(*) from processed_event where consumer = ?",
                Topics.DSR_COMMANDS), "the command was applied once");
        assertEquals(1, db.count(prefix + "dsr", "select count(*) from dsr_audit where request_id = ?::uuid"
                + " and event like '%consent-service replied%'", requestId), "one answer recorded for the task");

        // The reply that completed the request can reach dsr-service while the same relay round's deletions, on
        // another partition, are still on their way: they are all on the topic once the outbox is empty (the relay
        // deletes a row after the broker acknowledged it).
        Eventually.until("consent-service's outbox drained after the erasure", Duration.ofSeconds(30),
                () -> db.count(prefix + "consent", "select count(*) from outbox_event"), n -> n == 0);
        TopicProbe bus = new TopicProbe(stack.bootstrapServers());
        Map<String, Set<String>> deletionsByRecord = bus.readAll(Topics.RETENTION_LIFECYCLE).stream()
                .map(r -> SuiteHttp.json(r.value()))
                .filter(e -> "RECORD_DELETED".equals(e.get("data").get("clockEvent").asText())
                        && "COOKIE_CONSENT".equals(e.get("data").get("category").asText()))
                .collect(Collectors.groupingBy(e -> e.get("data").get("recordId").asText(),
                        Collectors.mapping(e -> e.get("eventId").asText(), Collectors.toSet())));
        assertEquals(PROOFS, deletionsByRecord.size(), "each deleted proof reported");
        assertTrue(deletionsByRecord.values().stream().allMatch(ids -> ids.size() == 1),
                "no proof deleted twice (one RECORD_DELETED event each)");
        List<ConsumerRecord<String, String>> replies = bus.readAll(Topics.dsrReplies("consent-service")).stream()
                .filter(r -> r.value().contains(requestId) && r.value().contains("consent-service")).toList();
        assertTrue(replies.stream().allMatch(r -> r.value().contains("\"recordCount\":" + PROOFS)),
                "a repeated reply repeats the first one");
        Eventually.until("retention forgets the deleted records", Duration.ofSeconds(60),
                () -> db.count(prefix + "retention", CLOCKS), n -> n == 0);
    }

    /** Polls tightly: the erasure transaction lasts a fraction of a second, from its inbox row to its commit. */
    private void awaitWritingTransaction(String database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection c = stack.databases().connect("postgres"); PreparedStatement open = c.prepareStatement(
                "select count(*) from pg_stat_activity where datname = ? and backend_xid is not null")) {
            open.setString(1, database);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = open.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError("no writing transaction seen in " + database);
    }

    private JsonNode request(String id) {
        return http.get(SuiteService.DSR, "/api/requests/" + id, token(ControllerTokens.AUDITOR));
    }

    private JsonNode participant(JsonNode request, String service) {
        for (JsonNode p : request.get("participants")) {
            if (service.equals(p.get("service").asText())) {
                return p;
            }
        }
        throw new AssertionError(service + " is not a participant: " + request);
    }

    private String token(String role) {
        return stack.tokens().token(role);
    }
}
