package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.decideIdentity;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.post;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.requestBody;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.ExternalDelivery;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.platform.StandInCrm;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * External participants against a real stand-in CRM (a Vert.x server with its own PostgreSQL table, in
 * test-support): the command leaves signed over HTTP, the CRM erases or exports its rows and answers at once or by
 * a signed callback, and the request settles on that answer like on an internal participant's. The suite's three
 * internal participants are played on the real broker as in DsrSagaTest.
 */
@QuarkusTest
@QuarkusTestResource(value = StandInCrmResource.class, restrictToAnnotatedClass = true)
class ExternalParticipantTest extends RequestTestBase {

    private static final List<String> SUITE = List.of("consent-service", "contact-service", "retention-service");

    private StandInCrm crm() {
        return StandInCrmResource.crm;
    }

    @AfterEach
    void reset() {
        crm().answerLater(false);
        crm().holdCallbacks(false);
        crm().releaseCallbacks();
    }

    @Test
    void erasureReachesTheCrmAndCompletesOnlyWhenItConfirms() {
        crm().answerLater(true);
        crm().holdCallbacks(true);
        String email = newEmail();
        crm().insertCustomer(email, "Jeanne Martin", "ORD-1", 1999);
        crm().insertCustomer(email, "Jeanne Martin", "ORD-2", 4500);
        String other = newEmail();
        crm().insertCustomer(other, "Paul Durand", "ORD-3", 100);
        UUID id = verified("ERASURE", email);
        suiteReplies(id, email);

        awaitTrue("the CRM erased the subject's rows", WAIT, () -> crm().customersOf(email) == 0);
        awaitTrue("the CRM took the command", WAIT, () -> delivery(id, "crm").state
                == ExternalDelivery.State.AWAITING_CALLBACK);
        JsonPath waiting = view(id);
        assertEquals("IN_PROGRESS", waiting.getString("status"), "the CRM has not confirmed yet");
        assertEquals(1, crm().customersOf(other), "another person's rows stay");

        assertEquals(1, crm().releaseCallbacks());
        awaitTrue("the request completes on the CRM's confirmation", WAIT,
                () -> "COMPLETED".equals(view(id).getString("status")));
        JsonPath done = view(id);
        int crmAt = done.getList("participants.service").indexOf("crm");
        assertEquals("DONE", done.getList("participants.outcome").get(crmAt));
        assertEquals(2, done.getList("participants.recordCount").get(crmAt));
        assertEquals(List.of(204), crm().callbackStatuses.subList(crm().callbackStatuses.size() - 1,
                crm().callbackStatuses.size()));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("crm replied DONE (2 record(s))")),
                DsrApi.auditOf(id).toString());
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L,
                ExternalDelivery.count("requestId", id), "the closed request's sealed address is gone"));
    }

    @Test
    void accessRequestIncludesTheCrmExport() {
        String email = newEmail();
        crm().insertCustomer(email, "Jeanne Martin", "ORD-ACCESS-7", 1234);
        UUID id = verified("ACCESS", email);
        suiteReplies(id, email);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        String report = given().auth().oauth2(TestTokens.controller()).queryParam("lang", "en")
                .get("/api/requests/" + id + "/report").then().statusCode(200).extract().asString();
        assertTrue(report.contains("ORD-ACCESS-7"), "the CRM's order is in the report");
        assertTrue(report.contains("Orders in the CRM"), report);
        assertEquals(1, crm().customersOf(email), "an access changes nothing in the CRM");
    }

    @Test
    void aThirtySecondOutageOfTheCrmIsRetriedWithNothingLost() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = newEmail();
            crm().insertCustomer(email, "Person " + i, "ORD-OUT-" + i, 10 * i);
            emails.add(email);
        }
        int takenBefore = crm().commandsTaken.get();
        crm().stopServer();
        Instant down = Instant.now();
        List<UUID> ids = new ArrayList<>();
        try {
            for (String email : emails) {
                UUID id = verified("ERASURE", email);
                suiteReplies(id, email);
                ids.add(id);
            }
            awaitTrue("every delivery has met the closed port more than once", WAIT, () -> ids.stream()
                    .allMatch(id -> delivery(id, "crm").attempts >= 2 && delivery(id, "crm").lastFault != null));
            Duration left = Duration.ofSeconds(30).minus(Duration.between(down, Instant.now()));
            if (!left.isNegative()) {
                Thread.sleep(left.toMillis()); // the outage lasts its 30 seconds: what is measured is the recovery
            }
            for (UUID id : ids) {
                assertEquals("IN_PROGRESS", view(id).getString("status"), "a fault flags nothing");
            }
        } finally {
            crm().restartServer();
        }
        awaitTrue("every request completes once the CRM is back", WAIT, () -> ids.stream()
                .allMatch(id -> "COMPLETED".equals(view(id).getString("status"))));
        for (String email : emails) {
            assertEquals(0, crm().customersOf(email), "erased after the outage");
        }
        assertTrue(crm().commandsTaken.get() - takenBefore >= 3, "every command reached the CRM");
        for (UUID id : ids) {
            assertEquals(1, crm().commandsAppliedFor(id.toString()), "each command applied once, none lost");
            assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("crm replied DONE (1 record(s))")));
        }
    }

    @Test
    void aForgedStaleOrReplayedCallbackIsRefused() {
        crm().answerLater(true);
        crm().holdCallbacks(true);
        String email = newEmail();
        crm().insertCustomer(email, "Jeanne Martin", "ORD-F", 1);
        UUID id = verified("ERASURE", email);
        suiteReplies(id, email);
        awaitTrue("the CRM took the command", WAIT, () -> delivery(id, "crm").state
                == ExternalDelivery.State.AWAITING_CALLBACK);
        String done = "{\"requestId\":\"" + id + "\",\"outcome\":\"DONE\",\"recordCount\":1}";
        byte[] body = done.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        // unsigned; signed with a key no participant has; stale; the signature of another body; unknown participant
        callback("crm", null, null, done).statusCode(401).contentType("application/problem+json");
        callback("crm", Long.toString(now), otherKeySignature(now, body), done).statusCode(401)
                .contentType("application/problem+json");
        long stale = now - 3600;
        callback("crm", Long.toString(stale), crm().sign(stale, body), done).statusCode(401);
        callback("crm", Long.toString(now), crm().sign(now, "{}".getBytes(StandardCharsets.UTF_8)), done)
                .statusCode(401);
        callback("nobody", Long.toString(now), crm().sign(now, body), done).statusCode(401);
        assertEquals("IN_PROGRESS", view(id).getString("status"), "no forged callback moved the request");

        // signed, but not an answer: 400 problem, nothing moves
        String bad = "{\"requestId\":\"" + id + "\",\"outcome\":\"MAYBE\",\"recordCount\":1}";
        callback("crm", Long.toString(now), crm().sign(now, bad.getBytes(StandardCharsets.UTF_8)), bad)
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("outcome"));
        assertEquals("IN_PROGRESS", view(id).getString("status"));

        // the CRM's own callback is taken; the same bytes and signature again are a replay
        String signature = crm().sign(now, body);
        callback("crm", Long.toString(now), signature, done).statusCode(204);
        callback("crm", Long.toString(now), signature, done).statusCode(401);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
    }

    @Test
    void aRefusalIsRecordedAndARetryReDrivesTheCrm() {
        // The CRM's refusal: a 403 to the command, while it refuses everything.
        String email = newEmail();
        crm().insertCustomer(email, "Jeanne Martin", "ORD-R", 1);
        crm().refuseAll(true);
        UUID id;
        try {
            id = verified("ERASURE", email);
            suiteReplies(id, email);
            awaitTrue("the refusal is recorded", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
        } finally {
            crm().refuseAll(false);
        }
        JsonPath refused = view(id);
        int crmAt = refused.getList("participants.service").indexOf("crm");
        assertEquals("REFUSED", refused.getList("participants.outcome").get(crmAt));
        assertEquals(1, crm().customersOf(email), "nothing erased on a refusal");
        given().auth().oauth2(TestTokens.controller()).post("/api/requests/" + id + "/retry?participant=crm")
                .then().statusCode(200);
        awaitTrue("the re-driven CRM erases and the request completes", WAIT,
                () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(0, crm().customersOf(email));
    }

    @Test
    void aSilentParticipantMakesTheRequestNeedAttentionAndARetryReDrivesIt() {
        String email = newEmail();
        int before = crm().silentTaken.get();
        UUID id = verified("RESTRICTION", email);
        suiteReplies(id, email);
        awaitTrue("archive's silence past its 3 seconds flags the request", WAIT,
                () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("no answer from archive within PT3S")),
                DsrApi.auditOf(id).toString());
        assertEquals(1, crm().silentTaken.get() - before, "taken once: a 202 is not re-sent");
        given().auth().oauth2(TestTokens.controller()).post("/api/requests/" + id + "/retry?participant=archive")
                .then().statusCode(200);
        awaitTrue("the new command reaches archive", WAIT, () -> crm().silentTaken.get() - before == 2);
    }

    @Test
    void anOpenDsrProcessorTakesAPortabilityRequestAndItsCompletedCallbackSettlesIt() {
        String email = newEmail();
        UUID id = verified("PORTABILITY", email);
        suiteReplies(id, email);
        awaitTrue("the request completes on the processor's completed callback", WAIT,
                () -> "COMPLETED".equals(view(id).getString("status")));
        io.vertx.core.json.JsonObject sent = crm().openDsrRequests.stream()
                .filter(r -> id.toString().equals(r.getString("subject_request_id"))).findFirst().orElseThrow();
        assertEquals("portability", sent.getString("subject_request_type"));
        assertEquals("1.0", sent.getString("api_version"));
        assertEquals(email, sent.getJsonArray("subject_identities").getJsonObject(0).getString("identity_value"));
        assertTrue(sent.getJsonArray("status_callback_urls").getString(0).endsWith("/api/external/callbacks/processor"));
        JsonPath done = view(id);
        int at = done.getList("participants.service").indexOf("processor");
        assertEquals("DONE", done.getList("participants.outcome").get(at));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("processor replied DONE")),
                DsrApi.auditOf(id).toString());
    }

    private static String otherKeySignature(long ts, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(StandInCrmResource.OTHER_KEY.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            mac.update((ts + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse callback(String participant, String ts, String sig,
            String body) {
        var request = given().contentType("application/json").body(body);
        if (ts != null) {
            request = request.header("X-Privacy-Timestamp", ts);
        }
        if (sig != null) {
            request = request.header("X-Privacy-Signature", sig);
        }
        return request.post("/api/external/callbacks/" + participant).then();
    }

    private UUID verified(String type, String email) {
        UUID id = UUID.fromString(post(requestBody(type, email)).then().statusCode(201).extract().path("id"));
        decideIdentity(id, true).then().statusCode(200);
        return id;
    }

    private void suiteReplies(UUID id, String email) {
        String key = subjectKeys.forEmail(email);
        for (String service : SUITE) {
            reply(key, id, service, DsrOutcome.NOTHING_FOUND, 0, null);
        }
    }

    private static ExternalDelivery delivery(UUID id, String participant) {
        return QuarkusTransaction.requiringNew().call(
                () -> ExternalDelivery.findById(new ExternalDelivery.Key(id, participant)));
    }
}
