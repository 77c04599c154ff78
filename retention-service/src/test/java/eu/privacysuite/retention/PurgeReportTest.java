package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

/** Orders and what the owners report: evidence, held records, silent owners, and who may read what. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class PurgeReportTest extends PurgeFlowTest {

    // Health and metrics answer on the management port only.
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private static final String CONTACT = "contact-service";

    PurgeReportTest() {
        super("2200-01-01T00:00:00Z");
    }

    @Test
    void aReportSettlesTheOrderForgetsPurgedRecordsAndLeavesEvidenceWithoutPersonalData() {
        String purged = prospect();
        String gone = prospect();
        String held = prospect();
        PurgeOrderEntity order = sweepAndFindOrder(purged);
        Instant from = Instant.now(clock);

        purges.report(order, List.of(purged), List.of(gone), List.of(held));
        lifecycle.awaitGone(CONTACT, "PROSPECT", purged);
        lifecycle.awaitGone(CONTACT, "PROSPECT", gone);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", held), "a held record goes back to the ledger's due list");
        PurgeOrderEntity settled = purges.order(order.id);
        assertEquals(OrderStatus.REPORTED, settled.status);
        assertEquals(1, settled.purged);

        String evidence = given().auth().oauth2(TestTokens.auditor()).queryParam("from", from.minusSeconds(5).toString())
                .queryParam("size", 500).get("/api/retention/evidence").then().statusCode(200).extract().asString();
        assertTrue(evidence.contains(order.id.toString()), evidence);
        assertTrue(evidence.contains("PROSPECT: kept P3Y after COLLECTED, LAST_CONTACT, then DELETE by contact-service"), evidence);
        assertFalse(evidence.contains(purged) || evidence.contains(held), "evidence holds no record id");
        Map<String, Object> item = given().auth().oauth2(TestTokens.auditor())
                .queryParam("from", from.minusSeconds(5).toString()).queryParam("size", 500).get("/api/retention/evidence")
                .then().extract().jsonPath().param("id", order.id.toString()).get("items.find { it.orderId == id }");
        assertEquals(1, item.get("purged"));
        assertEquals(1, item.get("alreadyGone"));
        assertEquals(1, item.get("held"));

        // A period that ends before the purge does not list it; paging is bounded.
        given().auth().oauth2(TestTokens.auditor()).queryParam("to", from.minusSeconds(3600).toString())
                .get("/api/retention/evidence").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(order.id.toString())));
        given().auth().oauth2(TestTokens.auditor()).queryParam("size", 0).get("/api/retention/evidence").then().statusCode(400);
    }

    @Test
    void anOrderNoOwnerReportsIsSentAgainThenFailedInHealthMetricsAndTheOrdersList() {
        // Cookie consent proofs belong to consent-service, which does not run in these tests: nobody reports.
        String proof = UUID.randomUUID().toString();
        lifecycle.send(proof, lifecycle.clock(null, "consent-service", "COOKIE_CONSENT", proof, ClockEvent.CONSENT_GIVEN, t0));
        lifecycle.awaitEntry("consent-service", "COOKIE_CONSENT", proof, e -> true);
        clock.setNow(t0.plus(Duration.ofDays(500)));
        purges.sweep(false);
        UUID orderId = purges.orderOf("consent-service", "COOKIE_CONSENT", proof);

        await("the order to fail").atMost(Duration.ofSeconds(60)).until(() -> purges.order(orderId).status == OrderStatus.FAILED);
        PurgeOrderEntity failed = purges.order(orderId);
        assertEquals(OrderStatus.FAILED, failed.status);
        assertEquals(3, failed.attempts);
        assertEquals("no report from consent-service after 3 attempt(s)", failed.failureReason);
        long sent = lifecycle.bus.readAll(Topics.RETENTION_PURGES).stream().filter(r -> r.key().equals("consent-service/" + orderId)).count();
        assertEquals(3, sent, "sent once, then again twice, always the same order");

        given().auth().oauth2(TestTokens.auditor()).queryParam("status", "failed").get("/api/retention/orders")
                .then().statusCode(200).body(containsString(orderId.toString()));
        given().port(management.getPort()).get("/q/health/well").then().statusCode(503)
                .body(containsString("retention-purge-orders"));
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*retention_purge_orders\\{status=\"failed\"\\} [1-9].*"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("status", "lost").get("/api/retention/orders").then().statusCode(400);
    }

    @Test
    void controllerAndAuditorRolesGuardEnforcementWhileThePoliciesStayPublic() {
        given().get("/api/retention/evidence").then().statusCode(401)
                .contentType("application/problem+json");
        given().post("/api/retention/sweeps").then().statusCode(401);
        given().auth().oauth2(TestTokens.auditor()).post("/api/retention/sweeps?dryRun=true").then().statusCode(403);
        given().auth().oauth2(TestTokens.signedByAnotherKey()).get("/api/retention/orders").then().statusCode(401);
        given().get("/api/retention/policies").then().statusCode(200);
        given().get("/api/retention/schedule").then().statusCode(200);
    }

    @Test
    void pagesSizesStatusesCategoriesLanguagesAndHoldIdsAreReadStrictlyAndARefusalNamesTheParameter() {
        String auditor = TestTokens.auditor();
        for (String size : List.of("1.5", "-1", "99999999999", " 5", "1e2", "+5", "0", "501")) {
            refused(given().auth().oauth2(auditor).queryParam("size", size).get("/api/retention/orders"), "size", size);
        }
        for (String page : List.of("2147483647", "-1", "1.5", "0x10")) {
            refused(given().auth().oauth2(auditor).queryParam("page", page).get("/api/retention/evidence"), "page", page);
        }
        refused(given().auth().oauth2(auditor).queryParam("size", "1001").get("/api/retention/due"), "size", "1001");
        for (String status : List.of("done", "SENT", "Sent", "sent,failed")) {
            refused(given().auth().oauth2(auditor).queryParam("status", status).get("/api/retention/orders"), "status", status);
        }
        for (String category : List.of("prospect", "Prospect", "NO_SUCH_CATEGORY")) {
            refused(given().auth().oauth2(auditor).queryParam("category", category).get("/api/retention/due"), "category",
                    category);
        }
        refused(given().accept("text/markdown").queryParam("lang", "EN").get("/api/retention/policies"), "lang", "EN");
        refused(given().auth().oauth2(TestTokens.controller()).post("/api/retention/holds/1-1-1-1-1/lift"), "hold id",
                "1-1-1-1-1");

        // The documented values still answer.
        given().auth().oauth2(auditor).queryParam("status", "reported").queryParam("size", "500").queryParam("page", "0")
                .get("/api/retention/orders").then().statusCode(200);
        given().auth().oauth2(auditor).queryParam("category", "PROSPECT").queryParam("size", "1000")
                .get("/api/retention/due").then().statusCode(200).body("size", org.hamcrest.Matchers.equalTo(1000));
    }

    private static void refused(io.restassured.response.Response response, String parameter, String value) {
        String body = response.then().statusCode(400).contentType("application/problem+json").extract().asString();
        String detail = response.jsonPath().getString("detail");
        assertTrue(detail.startsWith(parameter + " "), value + " -> " + body);
        // A one-character value may stand in the rule itself ("from 1 to 500"); a longer one is never echoed.
        assertFalse(value.strip().length() > 1 && body.contains(value.strip()), "the value is echoed: " + body);
    }

    private String prospect() {
        String id = UUID.randomUUID().toString();
        lifecycle.send(id, lifecycle.clock(null, CONTACT, "PROSPECT", id, ClockEvent.COLLECTED, t0));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", id, e -> true);
        return id;
    }

    private PurgeOrderEntity sweepAndFindOrder(String recordId) {
        clock.setNow(t0.plus(Duration.ofDays(4 * 366)));
        purges.sweep(false);
        return purges.order(purges.orderOf(CONTACT, "PROSPECT", recordId));
    }
}
