package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.act;
import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.decideIdentity;
import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.post;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.requestBody;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.dsr.domain.PostMortemDirectiveRepository;
import eu.privacysuite.dsr.service.Directive;
import eu.privacysuite.dsr.service.DirectiveSeal;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The request lifecycle: every type, identity before work, every transition and the refused ones, closing. */
@QuarkusTest
class DsrLifecycleTest extends RequestTestBase {

    @Inject
    PostMortemDirectiveRepository directives;
    @Inject
    SealedExports sealedExports;
    @Inject
    DirectiveSeal directiveSeal;

    static String rectification(String email, String corrections) {
        return """
                {"type":"RECTIFICATION","channel":"POST","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"},
                 "corrections":%s}
                """.formatted(email, corrections);
    }

    static String directive(String email) {
        return """
                {"type":"POST_MORTEM_DIRECTIVE","channel":"FORM","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"},
                 "directive":{"text":"Delete every account.\\nKeep nothing.","trustedThirdParty":{"name":"Paul Martin","email":"paul.martin@example.fr"}}}
                """.formatted(email);
    }

    @Test
    void everyTypeIsAcceptedAndWaitsForIdentity() {
        for (DsrAction type : DsrAction.values()) {
            if (!type.requestType()) {
                continue;
            }
            String email = newEmail();
            String body = switch (type) {
                case RECTIFICATION -> rectification(email, "{\"lastName\":\"Martin-Durand\"}");
                case POST_MORTEM_DIRECTIVE -> directive(email);
                default -> requestBody(type.name(), email);
            };
            post(body).then().statusCode(201).contentType(ContentType.JSON)
                    .body("type", equalTo(type.name())).body("status", equalTo("AWAITING_IDENTITY"))
                    .body("channel", notNullValue())
                    .body(not(containsString("example.fr"))).body(not(containsString("Martin")))
                    .body("statement", type == DsrAction.AUTOMATED_DECISION
                            ? containsString("solely on automated processing") : nullValue());
        }
    }

    @Test
    void automatedDecisionShowsTheConfiguredStatementInEnglishAndFrench() {
        UUID id = UUID.fromString(post(requestBody("AUTOMATED_DECISION", newEmail())).then().statusCode(201)
                .extract().path("id"));
        String statement = view(id).getString("statement");
        assertTrue(statement.contains("No decision producing legal effects"), statement);
        assertTrue(statement.contains("Aucune décision produisant des effets juridiques"), statement);
    }

    @Test
    void verifiedRectificationSendsItsCorrectionsSealedToTheRequest() throws Exception {
        String email = newEmail();
        UUID id = UUID.fromString(post(rectification(email, """
                {"email":"jeanne.durand@example.fr","phone":"+33553692200","country":"FR","civility":"MS",
                 "postalAddress":"1 rue de la Paix\\n75002 Paris"}
                """)).then().statusCode(201).extract().path("id"));
        String stored = QuarkusTransaction.requiringNew().call(() -> requests.findById(id).sealedCorrections);
        assertFalse(stored.contains("durand") || stored.contains("+33553692200"), "kept sealed");
        assertTrue(DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().noneMatch(r -> r.value().contains(id.toString())),
                "nothing sent before identity is verified");

        decideIdentity(id, true).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        var record = DsrApi.bus().await(Topics.DSR_COMMANDS, r -> r.value().contains(id.toString()), WAIT);
        assertFalse(record.value().contains("durand") || record.value().contains("5536922"), "no personal data on the bus");
        JsonNode data = DsrApi.MAPPER.readTree(record.value()).get("data");
        assertEquals("RECTIFICATION", data.get("action").asText());
        assertEquals(new Corrections("jeanne.durand@example.fr", "MS", null, null, "+33553692200",
                "1 rue de la Paix\n75002 Paris", "FR"), sealedExports.openCorrections(id, data.get("sealedCorrections").asText()));
    }

    @Test
    void correctionsAndDirectiveBelongToTheirOwnTypesAndAreChecked() {
        post(rectification(newEmail(), "null")).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("corrections"));
        post(rectification(newEmail(), "{}")).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("corrections"));
        post(rectification(newEmail(), "{\"lastName\":\"Durand\"}").replace("RECTIFICATION", "ERASURE"))
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("corrections"));
        post(rectification(newEmail(), """
                {"email":"not-an-address-secret","phone":"0553692200","country":"France","civility":"SIR","firstName":""}
                """)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("corrections.email")).body("errors.field", hasItem("corrections.phone"))
                .body("errors.field", hasItem("corrections.country")).body("errors.field", hasItem("corrections.civility"))
                .body("errors.field", hasItem("corrections.firstName"))
                .body(not(containsString("secret"))).body(not(containsString("0553692200")));
        post(rectification(newEmail(), "{\"phone\":\"+3355\"}")).then().statusCode(400)
                .body("errors.field", hasItem("corrections.phone"));

        post(requestBody("POST_MORTEM_DIRECTIVE", newEmail())).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("directive"));
        post(directive(newEmail()).replace("POST_MORTEM_DIRECTIVE", "ACCESS")).then().statusCode(422)
                .body("errors.field", hasItem("directive"));
        post(directive(newEmail()).replace("\"email\":\"paul.martin@example.fr\"", "\"email\":\"paul\""))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("directive.trustedThirdParty.email"));
        post(requestBody("ERASURE", newEmail()).replace("EMAIL", "PIGEON")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void identityNotProvenRejectsAndClosesTheRequest() throws Exception {
        UUID id = erasure(newEmail());
        decideIdentity(id, false).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("IDENTITY_NOT_PROVEN")).body("closedAt", notNullValue())
                .body("participants.size()", equalTo(0));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("test-operator") && e.contains("identity not proven")),
                "the audit names who decided: " + DsrApi.auditOf(id));
        assertClosedAndScrubbed(id);
        assertTrue(DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().noneMatch(r -> r.value().contains(id.toString())),
                "a rejected request commands nothing");
    }

    @Test
    void rejectionAndCancellationCloseARequestBeforeWork() throws Exception {
        UUID rejected = erasure(newEmail());
        act(rejected, "reject", "{\"reason\":\"MANIFESTLY_UNFOUNDED\",\"note\":\"the tenth identical request\"}")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("MANIFESTLY_UNFOUNDED"));
        assertTrue(DsrApi.auditOf(rejected).stream().anyMatch(e -> e.contains("test-operator")
                && e.contains("MANIFESTLY_UNFOUNDED") && e.contains("the tenth identical request")), DsrApi.auditOf(rejected).toString());
        assertClosedAndScrubbed(rejected);

        UUID cancelled = UUID.fromString(post(rectification(newEmail(), "{\"lastName\":\"Durand\"}")).then()
                .statusCode(201).extract().path("id"));
        act(cancelled, "cancel", null).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("closedAt", notNullValue());
        assertTrue(DsrApi.auditOf(cancelled).stream().anyMatch(e -> e.contains("test-operator") && e.contains("cancelled")));
        assertClosedAndScrubbed(cancelled);
        assertNull(QuarkusTransaction.requiringNew().call(() -> requests.findById(cancelled).sealedCorrections),
                "the sealed corrections go with the closing");
    }

    @Test
    void illegalTransitionsAreConflicts() {
        UUID closed = erasure(newEmail());
        act(closed, "cancel", null).then().statusCode(200);
        for (var attempt : List.of(act(closed, "cancel", null), decideIdentity(closed, true),
                act(closed, "reject", "{\"reason\":\"EXCESSIVE\"}"),
                act(closed, "extension", "{\"months\":1,\"reason\":\"complex\"}"))) {
            attempt.then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        }
        UUID working = verifiedErasure(newEmail());
        for (var attempt : List.of(decideIdentity(working, true), act(working, "cancel", null),
                act(working, "reject", "{\"reason\":\"EXCESSIVE\"}"))) {
            attempt.then().statusCode(409).contentType("application/problem+json");
        }
        assertEquals("IN_PROGRESS", view(working).getString("status"));

        act(working, "reject", "{\"reason\":\"BORED\"}").then().statusCode(400).contentType("application/problem+json");
        act(working, "reject", "{}").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body("{\"verified\":true}")
                .post("/api/requests/" + erasure(newEmail()) + "/identity")
                .then().statusCode(400).body("errors.field", hasItem("method"));
        act(UUID.randomUUID(), "cancel", null).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).post("/api/requests/" + working + "/cancel").then().statusCode(403);
    }

    @Test
    void needsAttentionCanBeCancelledAndALateReplyDoesNotReopenIt() {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID id = verifiedErasure(email);
        reply(key, id, "contact-service", DsrOutcome.FAILED, 0, "database unreachable");
        reply(key, id, "consent-service", DsrOutcome.DONE, 1, null);
        awaitTrue("two replies recorded", WAIT, () -> view(id).getList("participants.repliedAt").stream()
                .filter(java.util.Objects::nonNull).count() == 2);
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("flagged", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
        act(id, "cancel", null).then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertClosedAndScrubbed(id);
    }

    @Test
    void completedRequestKeepsOnlyWhatProvesWhatWasDone() {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID id = UUID.fromString(post(requestBody("ERASURE", email).replace("\"channel\"",
                "\"visitorIds\":[\"" + UUID.randomUUID() + "\"],\"channel\"")).then().statusCode(201).extract().path("id"));
        decideIdentity(id, true).then().statusCode(200);
        for (String service : List.of("contact-service", "consent-service", "retention-service")) {
            reply(key, id, service, DsrOutcome.DONE, 1, null);
        }
        awaitTrue("completed", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertClosedAndScrubbed(id);
        assertEquals(3, fixtures.count("select count(*) from participant_task where request_id = ?1", id), "the tasks stay");
        assertTrue(fixtures.count("select count(*) from dsr_audit where request_id = ?1", id) >= 5, "the trail stays");
    }

    @Test
    void sameTypeForTheSameOpenSubjectIsLinkedNotExecutedTwice() {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID first = UUID.fromString(post(requestBody("ACCESS", email)).then().statusCode(201).extract().path("id"));
        decideIdentity(first, true).then().statusCode(200);
        post(requestBody("ACCESS", email.toUpperCase()).replace("EMAIL", "POST")).then().statusCode(200)
                .body("id", equalTo(first.toString())).body("duplicateOf", equalTo(first.toString()))
                .body("status", equalTo("IN_PROGRESS")).body("duplicatesReceived", equalTo(1));
        assertEquals(1, fixtures.count("select count(*) from dsr_request where subject_key = ?1 and type = 'ACCESS'", key));
        assertTrue(DsrApi.auditOf(first).stream().anyMatch(e -> e.contains("linked to it")));
        awaitTrue("the command published", WAIT, () -> commandsOf(first) == 1);
        assertEquals(1, commandsOf(first), "one command: the duplicate is not executed");
        assertNull(view(first).get("duplicateOf"), "a plain GET does not call the request a duplicate");

        // Another type for the same subject is its own request; once the first closes, a new one is too.
        UUID other = UUID.fromString(post(requestBody("OBJECTION", email)).then().statusCode(201).extract().path("id"));
        assertFalse(other.equals(first));
        UUID awaiting = UUID.fromString(post(requestBody("RESTRICTION", email)).then().statusCode(201).extract().path("id"));
        act(awaiting, "cancel", null).then().statusCode(200);
        post(requestBody("RESTRICTION", email)).then().statusCode(201).body("id", not(equalTo(awaiting.toString())));
    }

    @Test
    void postMortemDirectiveIsKeptSealedBeyondItsRequestAndAnErasureDeletesIt() {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID id = UUID.fromString(post(directive(email)).then().statusCode(201).extract().path("id"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> directives.countOf(key)),
                "kept once identity is verified");
        decideIdentity(id, true).then().statusCode(200);
        var kept = QuarkusTransaction.requiringNew().call(() -> directives.findById(id));
        assertEquals(key, kept.subjectKey);
        assertFalse(kept.sealed.contains("Delete every") || kept.sealed.contains("paul"), "sealed");
        assertEquals(new Directive("Delete every account.\nKeep nothing.", "Paul Martin", "paul.martin@example.fr"),
                directiveSeal.openForSubject(key, kept.sealed));
        assertNull(QuarkusTransaction.requiringNew().call(() -> requests.findById(id).sealedDirective));

        act(id, "cancel", null).then().statusCode(409); // in progress: the participants answer it
        for (String service : List.of("contact-service", "consent-service", "retention-service")) {
            reply(key, id, service, DsrOutcome.NOTHING_FOUND, 0, null);
        }
        awaitTrue("completed", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> directives.countOf(key)),
                "the directive outlives its request");

        UUID erasure = verifiedErasure(email);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> directives.countOf(key)));
        assertTrue(DsrApi.auditOf(erasure).stream().anyMatch(e -> e.contains("1 post-mortem directive(s) of the subject deleted")));
    }

    /** Issue 14, defect 10: a directive given under a former address survived the erasure under the new one. */
    @Test
    void aCompletedRectificationOfTheAddressCarriesTheDirectiveToTheNewAddressAndItsErasure() {
        String former = newEmail();
        String current = newEmail();
        UUID given = UUID.fromString(post(directive(former)).then().statusCode(201).extract().path("id"));
        decideIdentity(given, true).then().statusCode(200);
        UUID rectified = UUID.fromString(post(rectification(former, "{\"email\":\"" + current + "\"}"))
                .then().statusCode(201).extract().path("id"));
        decideIdentity(rectified, true).then().statusCode(200);
        for (String service : List.of("contact-service", "consent-service", "retention-service")) {
            reply(subjectKeys.forEmail(former), rectified, service, DsrOutcome.DONE, 1, null);
        }
        awaitTrue("rectification completed", WAIT, () -> "COMPLETED".equals(view(rectified).getString("status")));
        String newKey = subjectKeys.forEmail(current);
        var moved = QuarkusTransaction.requiringNew().call(() -> directives.findById(given));
        assertEquals(newKey, moved.subjectKey, "the directive follows the corrected address");
        assertEquals("Delete every account.\nKeep nothing.", directiveSeal.openForSubject(newKey, moved.sealed).text());

        verifiedErasure(current);
        assertNull(QuarkusTransaction.requiringNew().call(() -> directives.findById(given)),
                "the erasure under the new address removes the directive given under the former one");
    }

    private void assertClosedAndScrubbed(UUID id) {
        var row = QuarkusTransaction.requiringNew().call(() -> requests.findById(id));
        assertTrue(row.closedAt != null, "closed");
        assertNull(row.subjectKey, "the subject key goes");
        assertNull(row.visitorIds, "the visitor ids go");
        assertNull(row.sealedCorrections);
        assertNull(row.commandEvent);
        awaitTrue("the DSR_CASE clock starts", WAIT, () -> DsrApi.bus().readAll(Topics.RETENTION_LIFECYCLE).stream()
                .anyMatch(r -> id.toString().equals(r.key()) && r.value().contains("REQUEST_CLOSED")));
    }


    private static long commandsOf(UUID id) {
        return DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().filter(r -> r.value().contains(id.toString())).count();
    }
}
