package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrAuditEntryRepository;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import eu.privacysuite.testing.TestTokens;

/** The controller re-drives a request that needs attention, for one participant or for all that have not acted. */
@QuarkusTest
class DsrRetryTest extends RequestTestBase {

    @Inject
    DsrAuditEntryRepository audit;

    @Inject
    DsrConfig config;

    @Test
    void retryOfOneParticipantSendsItANewCommandAndTheRequestCompletes() throws Exception {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 2, null);
        reply(key, id, "consent-service", DsrOutcome.FAILED, 0, "database unreachable");
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the failure is flagged", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
        String firstCommand = commandsOf(id).get(0).get("eventId").asText();

        JsonPath retried = retry(id, "?participant=consent-service").statusCode(200).extract().jsonPath();
        assertEquals("IN_PROGRESS", retried.getString("status"));
        assertEquals("PENDING", retried.getString("participants.find { it.service == 'consent-service' }.status"));
        assertEquals("DONE", retried.getString("participants.find { it.service == 'contact-service' }.outcome"));

        awaitTrue("a new command is published", WAIT, () -> commandsOf(id).stream()
                .anyMatch(c -> !firstCommand.equals(c.get("eventId").asText())));
        JsonNode second = commandsOf(id).stream().filter(c -> !firstCommand.equals(c.get("eventId").asText()))
                .findFirst().orElseThrow();
        assertEquals("[\"consent-service\"]", second.get("data").get("participants").toString());

        reply(key, id, "consent-service", DsrOutcome.DONE, 4, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(4, view(id).getInt("participants.find { it.service == 'consent-service' }.recordCount"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> audit.ofRequest(id).stream().anyMatch(e ->
                TestTokens.SUBJECT.equals(e.actor) && e.event.equals("retry asked: new command sent to consent-service"))),
                "the audit names who asked: " + DsrApi.auditOf(id));
    }

    @Test
    void retryWithoutParticipantReDrivesEveryOneThatHasNotActed() throws Exception {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 1, null);
        awaitTrue("contact-service's reply recorded", WAIT,
                () -> "REPLIED".equals(view(id).getString("participants.find { it.service == 'contact-service' }.status")));
        QuarkusTransaction.requiringNew().run(() -> requests.update("attempts = ?1 where id = ?2", config.maxAttempts(), id));
        awaitTrue("the silent request is flagged", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));

        retry(id, "").statusCode(200);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> requests.findById(id).attempts),
                "the re-driven request has its attempts again");
        awaitTrue("the new command is published", WAIT, () -> commandsOf(id).stream()
                .anyMatch(c -> c.get("data").get("participants").size() > 0));
        JsonNode latest = commandsOf(id).get(commandsOf(id).size() - 1);
        assertEquals("[\"consent-service\",\"retention-service\"]", latest.get("data").get("participants").toString(),
                "the participant that acted is not asked again");

        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
    }

    @Test
    void retryIsForTheControllerAndOnlyForARequestThatNeedsAttention() {
        UUID id = verifiedErasure(newEmail());
        given().auth().oauth2(TestTokens.auditor()).post("/api/requests/" + id + "/retry").then().statusCode(403);
        retry(id, "").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("IN_PROGRESS"));
        retry(UUID.randomUUID(), "").statusCode(404).contentType("application/problem+json");

        QuarkusTransaction.requiringNew().run(() -> requests.update("status = 'NEEDS_ATTENTION' where id = ?1", id));
        retry(id, "?participant=billing-%3Cscript%3E").statusCode(400).contentType("application/problem+json")
                .body(not(containsString("script")));
        assertEquals("NEEDS_ATTENTION", view(id).getString("status"), "a refused retry changes nothing");
    }

    private static io.restassured.response.ValidatableResponse retry(UUID id, String query) {
        return given().auth().oauth2(TestTokens.controller()).post("/api/requests/" + id + "/retry" + query).then();
    }


    static List<JsonNode> commandsOf(UUID id) {
        return DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().filter(r -> r.value().contains(id.toString()))
                .map(r -> {
                    try {
                        return DsrApi.MAPPER.readTree(r.value());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
