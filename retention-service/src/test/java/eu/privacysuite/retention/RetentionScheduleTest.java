package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.RetentionPeriod;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.PurgeAction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RetentionScheduleTest {

    @Inject
    RetentionSchedule schedule;

    @Test
    void scheduleHoldsThePolicyDefaults() {
        assertRule("PROSPECT", "contact-service", Period.ofYears(3), List.of(ClockEvent.COLLECTED, ClockEvent.LAST_CONTACT));
        assertRule("NEWSLETTER", "contact-service", Period.ofYears(3), List.of(ClockEvent.UNSUBSCRIBED));
        assertRule("COOKIE_CONSENT", "consent-service", Period.ofMonths(13), List.of(ClockEvent.CONSENT_GIVEN));
        assertRule("SERVER_LOG", "platform", Period.ofMonths(13), List.of(ClockEvent.COLLECTED));
        assertRule("DSR_CASE", "dsr-service", Period.ofYears(5), List.of(ClockEvent.REQUEST_CLOSED));
        assertRule("IDENTITY_DOCUMENT", "dsr-service", Period.ZERO, List.of(ClockEvent.REQUEST_CLOSED));
        assertRule("CLIENT_ACTIVE", "crm", Period.ZERO, List.of(ClockEvent.CONTRACT_ENDED));
        assertRule("CLIENT_IDLE", "crm", Period.ofYears(5), List.of(ClockEvent.CONTRACT_ENDED, ClockEvent.LAST_CONTACT));
        assertRule("CLIENT_ACCOUNTING", "crm", Period.ofYears(10), List.of(ClockEvent.COLLECTED));
        assertEquals(10, schedule.categories().size());
    }

    @Test
    void scheduleEndpointListsTheRules() {
        given().get("/api/retention/schedule").then().statusCode(200)
                .body("category", contains("CLIENT_ACCOUNTING", "CLIENT_ACTIVE", "CLIENT_IDLE", "COOKIE_CONSENT", "DSR_CASE", "IDENTITY_DOCUMENT", "MINOR_HOLD", "NEWSLETTER", "PROSPECT",
                        "SERVER_LOG"))
                .body("find { it.category == 'PROSPECT' }.keep", equalTo("P3Y"))
                .body("find { it.category == 'PROSPECT' }.owner", equalTo("contact-service"))
                .body("find { it.category == 'PROSPECT' }.startsOn", contains("COLLECTED", "LAST_CONTACT"))
                .body("find { it.category == 'PROSPECT' }.action", equalTo("DELETE"))
                .body("find { it.category == 'COOKIE_CONSENT' }.keep", equalTo("P13M"));
    }

    private void assertRule(String category, String owner, Period keep, List<ClockEvent> startsOn) {
        CategoryRule rule = schedule.categories().get(category);
        assertEquals(owner, rule.owner(), category);
        assertEquals(RetentionPeriod.of(keep), rule.keep(), category);
        assertEquals(startsOn, rule.startsOn(), category);
        assertEquals(PurgeAction.DELETE, rule.action(), category);
    }
}
