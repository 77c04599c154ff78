package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrders;
import eu.privacysuite.retention.domain.RetentionLedger;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.subject.SubjectKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestClock;
import eu.privacysuite.testing.TestTokens;

/** The sweep with a clock the test moves: due dates per category, the clock moving, grace, dry run, holds. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class SweepTest {

    private static final Duration GRACE = Duration.ofHours(24);
    private static final String CONTACT = "contact-service";

    @Inject
    ObjectMapper mapper;
    @Inject
    RetentionLedger ledger;
    @Inject
    PurgeOrders orders;
    @Inject
    RetentionSchedule schedule;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    TestClock clock;

    Lifecycle lifecycle;
    Purges purges;
    Instant t0;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(mapper, ledger);
        purges = new Purges(mapper, lifecycle, orders);
        // Far enough ahead that no earlier test's record shares these dates.
        t0 = Instant.parse("2100-01-01T00:00:00Z").plus(Duration.ofDays((long) (Math.random() * 3000)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyCategoryIsOrderedPurgedFromItsOwnerOnlyOnceItsPeriodAndTheGraceWindowRanOut() {
        Map<String, String> records = new TreeMap<>();
        schedule.categories().forEach((category, rule) -> {
            String recordId = UUID.randomUUID().toString();
            records.put(category, recordId);
            lifecycle.send(recordId, lifecycle.clock(null, rule.owner(), category, recordId, rule.startsOn().get(0), t0));
        });
        records.forEach((category, id) -> lifecycle.awaitEntry(schedule.categories().get(category).owner(), category, id, e -> true));

        // Date by date, in the order they fall due: moving the clock past one date sweeps every record due before it.
        Map<Instant, List<String>> byDueDate = new TreeMap<>(records.keySet().stream().collect(
                Collectors.groupingBy(c -> schedule.categories().get(c).keep().addTo(t0))));
        for (Map.Entry<Instant, List<String>> due : byDueDate.entrySet()) {
            clock.setNow(due.getKey().plus(GRACE).minusSeconds(60));
            purges.sweep(false);
            for (String category : due.getValue()) {
                CategoryRule rule = schedule.categories().get(category);
                assertEquals(due.getKey(), purges.entry(rule.owner(), category, records.get(category)).dueAt, category);
                assertNull(purges.orderOf(rule.owner(), category, records.get(category)), category + " still in grace");
            }

            clock.setNow(due.getKey().plus(GRACE).plusSeconds(60));
            purges.sweep(false);
            for (String category : due.getValue()) {
                CategoryRule rule = schedule.categories().get(category);
                UUID orderId = purges.orderOf(rule.owner(), category, records.get(category));
                assertNotNull(orderId, category + " ordered purged");
                PurgeOrderEntity order = purges.order(orderId);
                assertEquals(rule.owner(), order.service);
                assertEquals(category, order.category);
                assertEquals(rule.action(), order.action);
                assertTrue(order.rule.startsWith(category + ": kept " + rule.keep()), order.rule);
            }
        }
    }

    @Test
    void aLastContactMovesTheProspectsClockAndTheSweepWaitsForTheNewDate() {
        String prospect = UUID.randomUUID().toString();
        lifecycle.send(prospect, lifecycle.clock(null, CONTACT, "PROSPECT", prospect, ClockEvent.COLLECTED, t0));
        Instant lastContact = t0.plus(Duration.ofDays(400));
        lifecycle.send(prospect, lifecycle.clock(null, CONTACT, "PROSPECT", prospect, ClockEvent.LAST_CONTACT, lastContact));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", prospect, e -> e.clockStartedAt.equals(lastContact));

        clock.setNow(schedule.categories().get("PROSPECT").keep().addTo(t0).plus(GRACE).plusSeconds(60));
        purges.sweep(false);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", prospect), "3 years after collection, but not after the last contact");

        clock.setNow(schedule.categories().get("PROSPECT").keep().addTo(lastContact).plus(GRACE).plusSeconds(60));
        purges.sweep(false);
        assertNotNull(purges.orderOf(CONTACT, "PROSPECT", prospect));
    }

    @Test
    void aDryRunReportsWhatASweepWouldOrderAndOrdersNothing() {
        String prospect = prospectCollectedAtT0();
        clock.setNow(t0.plus(Duration.ofDays(4 * 366)));
        long ordersBefore = QuarkusTransaction.requiringNew().call(() -> orders.count());

        List<Map<String, Object>> categories = purges.sweep(true).extract().jsonPath().getList("categories");
        Map<String, Object> prospects = categories.stream().filter(c -> "PROSPECT".equals(c.get("category"))).findFirst().orElseThrow();
        assertTrue(((Number) prospects.get("records")).longValue() >= 1, prospects.toString());
        assertNull(purges.orderOf(CONTACT, "PROSPECT", prospect));
        assertEquals(ordersBefore, (long) QuarkusTransaction.requiringNew().call(() -> orders.count()), "a dry run sends no order");
    }

    @Test
    void theDueViewShowsWhatTheGraceWindowStillProtects() {
        String prospect = prospectCollectedAtT0();
        Instant dueAt = schedule.categories().get("PROSPECT").keep().addTo(t0);
        clock.setNow(dueAt.plus(Duration.ofHours(1)));
        purges.sweep(false);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", prospect), "due an hour ago, inside the 24 h grace window");

        String before = dueAt.plus(GRACE).plusSeconds(60).toString();
        List<String> due = given().auth().oauth2(TestTokens.controller()).queryParam("before", before)
                .queryParam("category", "PROSPECT").queryParam("size", 1000).get("/api/retention/due")
                .then().statusCode(200).extract().jsonPath().getList("records.recordId");
        assertTrue(due.contains(prospect), "the controller sees it will go at the next sweep after the window");
        given().auth().oauth2(TestTokens.controller()).queryParam("before", "yesterday").get("/api/retention/due")
                .then().statusCode(400);
    }

    @Test
    void aHoldOnARecordOrOnASubjectSuspendsPurgingUntilLifted() {
        String record = prospectCollectedAtT0();
        String email = "held-" + UUID.randomUUID() + "@example.org";
        String heldSubjectsRecord = UUID.randomUUID().toString();
        lifecycle.send(heldSubjectsRecord, lifecycle.clock(subjectKeys.forEmail(email), CONTACT, "PROSPECT",
                heldSubjectsRecord, ClockEvent.COLLECTED, t0));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", heldSubjectsRecord, e -> true);

        String recordHold = given().auth().oauth2(TestTokens.controller()).contentType("application/json")
                .body(Map.of("record", Map.of("category", "PROSPECT", "recordId", record), "reason", "case 2100-17"))
                .post("/api/retention/holds").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.controller()).contentType("application/json")
                .body(Map.of("subject", Map.of("email", email), "reason", "litigation")).post("/api/retention/holds")
                .then().statusCode(201);

        clock.setNow(t0.plus(Duration.ofDays(4 * 366)));
        purges.sweep(false);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", record), "held record");
        assertNull(purges.orderOf(CONTACT, "PROSPECT", heldSubjectsRecord), "held subject");

        given().auth().oauth2(TestTokens.controller()).post("/api/retention/holds/" + recordHold + "/lift").then().statusCode(200);
        purges.sweep(false);
        assertNotNull(purges.orderOf(CONTACT, "PROSPECT", record), "purged once the hold is lifted");
        assertNull(purges.orderOf(CONTACT, "PROSPECT", heldSubjectsRecord), "the subject is still held");

        String listed = given().auth().oauth2(TestTokens.auditor()).get("/api/retention/holds").then().statusCode(200)
                .extract().asString();
        assertTrue(listed.contains("\"placed: case 2100-17\"") && listed.contains("\"lifted\"") && listed.contains("test-operator"), listed);
        assertTrue(!listed.contains(email) && !listed.contains(subjectKeys.forEmail(email)), "holds list names nobody");
        given().auth().oauth2(TestTokens.auditor()).contentType("application/json")
                .body(Map.of("record", Map.of("category", "PROSPECT", "recordId", record), "reason", "x"))
                .post("/api/retention/holds").then().statusCode(403);
        given().auth().oauth2(TestTokens.controller()).contentType("application/json").body(Map.of("reason", "neither"))
                .post("/api/retention/holds").then().statusCode(400);
    }

    private String prospectCollectedAtT0() {
        String prospect = UUID.randomUUID().toString();
        lifecycle.send(prospect, lifecycle.clock(null, CONTACT, "PROSPECT", prospect, ClockEvent.COLLECTED, t0));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", prospect, e -> true);
        return prospect;
    }
}
