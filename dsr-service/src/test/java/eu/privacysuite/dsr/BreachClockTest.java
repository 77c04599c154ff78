package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.BreachApi.form;
import static eu.privacysuite.dsr.BreachApi.listed;
import static eu.privacysuite.dsr.BreachApi.notifyCnil;
import static eu.privacysuite.dsr.BreachApi.record;
import static eu.privacysuite.dsr.BreachApi.trail;
import static eu.privacysuite.dsr.BreachApi.view;
import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.MovingClockTestBase;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GDPR art. 33(1) with a clock the test moves: the 72 hours from awareness, due soon, overdue, a late notification. */
@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "dsr_test"))
@QuarkusTestResource(TestTokens.class)
class BreachClockTest extends MovingClockTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theClockRunsFromAwarenessToDueSoonAndOverdueAndALateNotificationNeedsItsReason() {
        Instant aware = clock.instant().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        UUID id = record(form(aware, "RISK"));
        assertEquals("RUNNING", view(id).getString("notificationState"));
        assertEquals(aware.plus(Duration.ofHours(72)), Instant.parse(view(id).getString("notificationDueAt")));

        clock.advance(Duration.ofHours(50)); // 51 hours after awareness: due within 24 hours
        assertEquals("DUE_SOON", view(id).getString("notificationState"));
        assertTrue(view(id).getBoolean("dueSoon"));
        assertTrue(listed("soon").contains(id.toString()));
        assertFalse(listed("overdue").contains(id.toString()));
        awaitTrue("the watch flags it due soon", WAIT, () -> events(id).stream().anyMatch(e -> e.contains("due soon")));
        awaitTrue("the due-soon gauge counts the due-soon list", WAIT,
                () -> gauge("privacy_dsr_breaches_notification_due_soon") == listed("soon").size());

        clock.advance(Duration.ofHours(22)); // 73 hours
        assertEquals("OVERDUE", view(id).getString("notificationState"));
        assertTrue(view(id).getBoolean("overdue"));
        assertTrue(listed("overdue").contains(id.toString()));
        assertFalse(listed("soon").contains(id.toString()));
        awaitTrue("the watch flags it overdue", WAIT, () -> events(id).stream().anyMatch(e -> e.contains("overdue")));
        awaitTrue("the overdue gauge counts the overdue list", WAIT,
                () -> gauge("privacy_dsr_breaches_notification_overdue") == listed("overdue").size());
        assertTrue(gauge("privacy_dsr_breaches_notification_overdue") >= 1);
        assertEquals(1, events(id).stream().filter(e -> e.contains("due soon")).count(), "each level is flagged once");
        assertEquals(1, events(id).stream().filter(e -> e.contains("overdue")).count());

        String now = clock.instant().toString();
        notifyCnil(id, Map.of("sentAt", now)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lateReason"));
        notifyCnil(id, Map.of("sentAt", now, "lateReason", "  ")).then().statusCode(400)
                .body("errors.field", hasItem("lateReason"));
        notifyCnil(id, Map.of("sentAt", now, "lateReason", "The host told us of the extent on day 3.")).then()
                .statusCode(200).body("notificationState", equalTo("NOTIFIED_LATE"))
                .body("lateReason", equalTo("The host told us of the extent on day 3."))
                .body("overdue", equalTo(false));
        notifyCnil(id, Map.of("sentAt", now, "lateReason", "again")).then().statusCode(409)
                .contentType("application/problem+json");
        assertFalse(listed("overdue").contains(id.toString()));
        assertTrue(events(id).stream().anyMatch(e -> e.startsWith(TestTokens.SUBJECT + ": CNIL notified at")
                && e.contains("late; reason: The host told us")));
        assertTrue(trail(id).getBoolean("verified"));
    }

    @Test
    void aNotificationWithinTheDelayNeedsNoReasonAndABreachWithoutRiskIsNeverOverdue() {
        Instant aware = clock.instant().minus(Duration.ofHours(2));
        UUID inTime = record(form(aware, "HIGH_RISK"));
        UUID noRisk = record(form(aware, "NONE"));
        assertEquals("NOT_REQUIRED", view(noRisk).getString("notificationState"));

        notifyCnil(inTime, Map.of("sentAt", aware.minusSeconds(60).toString())).then().statusCode(400)
                .body("errors.field", hasItem("sentAt"));
        notifyCnil(inTime, Map.of("sentAt", clock.instant().plus(Duration.ofHours(1)).toString())).then().statusCode(400)
                .body("errors.field", hasItem("sentAt"));
        notifyCnil(inTime, Map.of("sentAt", clock.instant().toString())).then().statusCode(200)
                .body("notificationState", equalTo("NOTIFIED")).body("lateReason", equalTo(null));

        clock.advance(Duration.ofDays(5));
        assertEquals("NOTIFIED", view(inTime).getString("notificationState"));
        assertEquals("NOT_REQUIRED", view(noRisk).getString("notificationState"));
        List<String> overdue = listed("overdue");
        assertFalse(overdue.contains(inTime.toString()));
        assertFalse(overdue.contains(noRisk.toString()));
    }

    @Test
    void movingAwarenessMovesTheClock() {
        Instant aware = clock.instant().minus(Duration.ofHours(80));
        UUID id = record(form(aware, "RISK"));
        assertEquals("OVERDUE", view(id).getString("notificationState"));
        Map<String, Object> corrected = form(clock.instant().minus(Duration.ofHours(10)), "RISK");
        given().auth().oauth2(TestTokens.controller()).contentType("application/json").body(corrected)
                .put("/api/breaches/" + id).then().statusCode(200).body("notificationState", equalTo("RUNNING"));
        assertTrue(events(id).stream().anyMatch(e -> e.contains("updated occurredAt, awareAt")));
    }

    private static List<String> events(UUID id) {
        return trail(id).getList("entries", Map.class).stream().map(e -> e.get("actor") + ": " + e.get("event"))
                .toList();
    }

    private double gauge(String name) {
        return given().port(management.getPort()).get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
