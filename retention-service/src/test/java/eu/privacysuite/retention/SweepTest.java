package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.service.PurgeOrdering;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.subject.SubjectKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

/** The sweep with a clock the test moves: due dates per category, the clock moving, grace, dry run, holds. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class SweepTest extends PurgeFlowTest {

    private static final Duration GRACE = Duration.ofHours(24);
    private static final String CONTACT = "contact-service";

    @Inject
    RetentionSchedule schedule;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    PurgeOrdering ordering;

    SweepTest() {
        super("2100-01-01T00:00:00Z");
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

    @Test
    void batchAfterBatchEachDueRecordIsOrderedOnceAndARestartedClockLeavesItsOrder() {
        // Five prospects due at the same instant: the sweep's batches follow (due_at, seq) from where the last one ended.
        List<String> prospects = IntStream.range(0, 5).mapToObj(i -> prospectCollectedAtT0()).toList();
        clock.setNow(t0.plus(Duration.ofDays(4 * 366)));
        CategoryRule rule = schedule.categories().get("PROSPECT");
        Instant cutoff = clock.instant().minus(GRACE);
        UUID sweepId = UUID.randomUUID();
        PurgeOrdering.Batch batch = new PurgeOrdering.Batch(0, Optional.empty());
        int batches = 0;
        do {
            Optional<LedgerEntryRepository.Cursor> after = batch.next();
            batch = QuarkusTransaction.requiringNew().call(() -> ordering.orderBatch(sweepId, "PROSPECT", rule, cutoff, after, 2));
            batches++;
        } while (batch.records() == 2);
        Map<String, UUID> orderOf = new TreeMap<>();
        for (String prospect : prospects) {
            UUID orderId = purges.orderOf(CONTACT, "PROSPECT", prospect);
            assertNotNull(orderId, prospect + " ordered");
            orderOf.put(prospect, orderId);
        }
        assertTrue(batches >= 3 && new HashSet<>(orderOf.values()).size() >= 3, batches + " batches, " + orderOf);
        purges.sweep(false);
        prospects.forEach(p -> assertEquals(orderOf.get(p), purges.orderOf(CONTACT, "PROSPECT", p), "a later sweep leaves it in its order"));

        // The prospect writes again: its clock restarts and it leaves the order; the owner will report it held.
        String returning = prospects.get(0);
        Instant lastContact = t0.plus(Duration.ofDays(400));
        lifecycle.send(returning, lifecycle.clock(null, CONTACT, "PROSPECT", returning, ClockEvent.LAST_CONTACT, lastContact));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", returning, e -> e.clockStartedAt.equals(lastContact));
        assertNull(purges.orderOf(CONTACT, "PROSPECT", returning), "a restarted clock is in no order");
        assertNotNull(purges.orderOf(CONTACT, "PROSPECT", prospects.get(1)));
    }

    private String prospectCollectedAtT0() {
        String prospect = UUID.randomUUID().toString();
        lifecycle.send(prospect, lifecycle.clock(null, CONTACT, "PROSPECT", prospect, ClockEvent.COLLECTED, t0));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", prospect, e -> true);
        return prospect;
    }
}
