package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.act;
import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.decideIdentity;
import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.MovingClockTestBase;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GDPR art. 12(3) with a clock the test moves: the pause for identity, the one extension, due soon, overdue. */
@QuarkusTest
class DsrLegalClockTest extends MovingClockTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theTimeSpentAwaitingIdentityIsAddedToTheDueDate() {
        UUID id = erasure(newEmail());
        Instant received = Instant.parse(view(id).getString("receivedAt"));
        clock.advance(Duration.ofDays(10));
        Instant due = Instant.parse(decideIdentity(id, true).then().statusCode(200)
                .body("clockPausedSince", nullValue()).extract().path("dueAt"));
        Duration total = Duration.between(received, due);
        assertTrue(total.compareTo(Duration.ofDays(40)) >= 0 && total.compareTo(Duration.ofDays(40).plusMinutes(1)) < 0,
                "30 days plus the 10 days identity was awaited: " + total);
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("test-operator") && e.contains("runs again")));
    }

    @Test
    void aRequestAwaitingIdentityIsNeitherDueSoonNorOverdue() {
        UUID paused = erasure(newEmail());
        clock.advance(Duration.ofDays(35));
        assertFalse(listed("soon").contains(paused.toString()));
        assertFalse(listed("overdue").contains(paused.toString()));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + paused).then().body("overdue", equalTo(false));
    }

    @Test
    void theDeadlineIsExtendedOnceByOneOrTwoMonthsWithAReasonWithinTheFirstMonth() {
        UUID id = verifiedErasure(newEmail());
        Instant due = Instant.parse(view(id).getString("dueAt"));
        act(id, "extension", "{\"months\":3,\"reason\":\"complex\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("months"));
        act(id, "extension", "{\"months\":1}").then().statusCode(400).body("errors.field", hasItem("reason"));

        clock.advance(Duration.ofDays(20));
        act(id, "extension", "{\"months\":2,\"reason\":\"many requests at once\"}").then().statusCode(200)
                .body("extendedMonths", equalTo(2)).body("extensionReason", equalTo("many requests at once"))
                .body("dueAt", equalTo(due.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant().toString()));
        act(id, "extension", "{\"months\":1,\"reason\":\"again\"}").then().statusCode(409)
                .contentType("application/problem+json");
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("test-operator") && e.contains("extended by 2 month(s)")
                && e.contains("many requests at once")));

        UUID late = verifiedErasure(newEmail());
        clock.advance(Duration.ofDays(32)); // a month and more after its receipt
        act(late, "extension", "{\"months\":1,\"reason\":\"complex\"}").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + late).then().body("extendedMonths", nullValue());
    }

    @Test
    void dueSoonAndOverdueRequestsAreListedFlaggedOnceAndCounted() {
        UUID id = verifiedErasure(newEmail());
        clock.advance(Duration.ofDays(25));
        assertTrue(listed("soon").contains(id.toString()), "due in 5 days");
        assertFalse(listed("overdue").contains(id.toString()));
        awaitTrue("the watch flags it due soon", WAIT, () -> DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("due soon")));
        awaitTrue("the due-soon gauge counts the due-soon list", WAIT,
                () -> gauge("privacy_dsr_requests_due_soon") == listed("soon").size());

        clock.advance(Duration.ofDays(6));
        assertTrue(listed("overdue").contains(id.toString()), "due a day ago");
        assertFalse(listed("soon").contains(id.toString()));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + id).then().body("overdue", equalTo(true));
        awaitTrue("the watch flags it overdue", WAIT, () -> DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("overdue")));
        awaitTrue("the overdue gauge counts the overdue list", WAIT,
                () -> gauge("privacy_dsr_requests_overdue") == listed("overdue").size());
        assertTrue(gauge("privacy_dsr_requests_overdue") >= 1);
        assertEquals(1, DsrApi.auditOf(id).stream().filter(e -> e.contains("due soon")).count(), "each level is flagged once");
        assertEquals(1, DsrApi.auditOf(id).stream().filter(e -> e.contains("overdue")).count());

        given().auth().oauth2(TestTokens.auditor()).queryParam("due", "tomorrow").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).queryParam("due", "soon").queryParam("status", "IN_PROGRESS")
                .get("/api/requests").then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> listed(String due) {
        return given().auth().oauth2(TestTokens.auditor()).queryParam("due", due).queryParam("limit", 200)
                .get("/api/requests").then().statusCode(200).extract().jsonPath().getList("id");
    }

    private double gauge(String name) {
        return given().port(management.getPort()).get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

}
