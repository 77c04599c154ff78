package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.LegalHold;
import eu.privacysuite.retention.domain.LegalHoldRepository;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.DsrBus;
import eu.privacysuite.testing.TestClock;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** retention-service answers every data-subject request sent on the bus: export, re-keying, restriction as a hold. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class RetentionDsrTest {

    private static final String CONTACT = "contact-service";

    @Inject
    ObjectMapper mapper;
    @Inject
    SealedExports sealed;
    @Inject
    LedgerEntryRepository ledger;
    @Inject
    PurgeOrderRepository orders;
    @Inject
    LegalHoldRepository holds;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    RetentionSchedule schedule;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String entry(Lifecycle lifecycle, String subjectKey, String category, ClockEvent event, Instant at) {
        String recordId = UUID.randomUUID().toString();
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, category, recordId, event, at));
        lifecycle.awaitEntry(CONTACT, category, recordId, e -> true);
        return recordId;
    }

    @Test
    void accessExportsTheLedgerEntriesAndTheScheduleRulesTheyFollowAndIsExportedAgainWhenRedelivered() {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String subjectKey = "subject-" + UUID.randomUUID();
        Instant collected = Instant.parse("2026-03-01T10:00:00Z");
        String prospect = entry(lifecycle, subjectKey, "PROSPECT", ClockEvent.COLLECTED, collected);
        entry(lifecycle, subjectKey, "PROSPECT", ClockEvent.COLLECTED, collected.plusSeconds(60));
        entry(lifecycle, subjectKey, "NEWSLETTER", ClockEvent.UNSUBSCRIBED, collected);
        DsrBus dsr = new DsrBus("retention-service", mapper, sealed);

        EventEnvelope command = dsr.command(subjectKey, DsrAction.ACCESS, List.of(), null);
        dsr.send(command);
        List<JsonNode> parts = dsr.exportParts(command);
        assertTrue(parts.size() > 1, "the test profile cuts exports at 2048 characters");
        int scheduled = schedule.categories().size();
        assertEquals(3 + scheduled, parts.get(0).get("recordCount").asLong(), "3 entries and the schedule's rows");
        SubjectExport export = dsr.open(command, parts);
        assertEquals(List.of("retention-clocks", "retention-schedule"),
                export.categories().stream().map(ExportCategory::name).toList());

        ExportCategory clocks = export.categories().get(0);
        assertEquals(3, clocks.records().size());
        Map<String, Object> first = clocks.records().stream().filter(r -> prospect.equals(r.get("recordId")))
                .findFirst().orElseThrow();
        assertEquals(List.of("category", "service", "recordId", "clockEvent", "clockStartedAt", "dueAt", "held",
                "purgeOrdered"), List.copyOf(first.keySet()));
        assertEquals("PROSPECT", first.get("category"));
        assertEquals("COLLECTED", first.get("clockEvent"));
        assertEquals(collected.toString(), first.get("clockStartedAt"));
        assertEquals("2029-03-01T10:00:00Z", first.get("dueAt"), "kept 3 years");
        assertEquals(false, first.get("held"));

        ExportCategory rules = export.categories().get(1);
        assertNull(rules.retentionCategory());
        assertEquals(scheduled, rules.records().size(), "one row per category of the schedule");
        assertTrue(rules.records().stream().anyMatch(r -> "COOKIE_CONSENT".equals(r.get("category"))),
                "a category the subject's entries do not use is stated too");
        Map<String, Object> prospects = rules.records().stream().filter(r -> "PROSPECT".equals(r.get("category")))
                .findFirst().orElseThrow();
        assertEquals(List.of("category", "keep", "action", "legalBasis"), List.copyOf(prospects.keySet()).subList(0, 4));
        assertEquals("P3Y", prospects.get("keep"));
        assertEquals("DELETE", prospects.get("action"));
        assertTrue(((String) prospects.get("legalBasis")).contains("policy art. 3"));
        assertTrue(!export.toString().contains(subjectKey), "the subject key is not in the export");

        dsr.send(command);
        List<JsonNode> all = dsr.replies(command, 2 * parts.size());
        assertEquals(export, dsr.open(command, all.subList(parts.size(), all.size())), "exported again");
    }

    @Test
    void portabilityExportsWhatAccessDoesAndTheStatementActionsChangeNothing() {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String subjectKey = "subject-" + UUID.randomUUID();
        String record = entry(lifecycle, subjectKey, "NEWSLETTER", ClockEvent.UNSUBSCRIBED, Instant.now());
        DsrBus dsr = new DsrBus("retention-service", mapper, sealed);
        EventEnvelope command = dsr.command(subjectKey, DsrAction.PORTABILITY, List.of(), null);
        dsr.send(command);
        SubjectExport export = dsr.open(command, dsr.exportParts(command));
        assertEquals(List.of("retention-clocks", "retention-schedule"),
                export.categories().stream().map(ExportCategory::name).toList());
        assertEquals(record, export.categories().get(0).records().get(0).get("recordId"));
        assertTrue(export.categories().get(1).records().stream().anyMatch(r -> "NEWSLETTER".equals(r.get("category"))));

        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.AUTOMATED_DECISION, null).get("outcome").asText());
        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.POST_MORTEM_DIRECTIVE, null).get("outcome").asText());
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> ledger.count("subjectKey", subjectKey)));
        assertEquals(0, holdsOf(subjectKey).size());
    }

    @Test
    void aSubjectWithoutEntriesGetsNoScheduleAndNothingFound() {
        JsonNode reply = new DsrBus("retention-service", mapper, sealed).act("subject-" + UUID.randomUUID(), DsrAction.ACCESS, null);
        assertEquals("NOTHING_FOUND", reply.get("outcome").asText());
    }

    @Test
    void restrictionHoldsTheSubjectSoTheSweepSkipsItAndItsLiftReleasesThatHoldOnly() {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        Purges purges = new Purges(mapper, lifecycle, orders);
        String email = "restricted-" + UUID.randomUUID() + "@example.org";
        String subjectKey = subjectKeys.forEmail(email);
        Instant t0 = Instant.parse("2100-01-01T00:00:00Z").plus(Duration.ofDays((long) (Math.random() * 3000)));
        String record = entry(lifecycle, subjectKey, "PROSPECT", ClockEvent.COLLECTED, t0);
        DsrBus dsr = new DsrBus("retention-service", mapper, sealed);

        JsonNode restricted = dsr.act(subjectKey, DsrAction.RESTRICTION, null);
        assertEquals("DONE", restricted.get("outcome").asText());
        List<LegalHold> holds = holdsOf(subjectKey);
        assertEquals(1, holds.size());
        assertEquals("dsr-service", holds.get(0).placedBy);
        assertTrue(holds.get(0).reason.contains("GDPR art. 18"), holds.get(0).reason);
        assertEquals("DONE", dsr.act(subjectKey, DsrAction.RESTRICTION, null).get("outcome").asText());
        assertEquals(1, holdsOf(subjectKey).size(), "a second restriction places no second hold");

        clock.setNow(t0.plus(Duration.ofDays(4 * 366)));
        purges.sweep(false);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", record), "nothing of a restricted subject is purged");

        // A controller's own hold on the same subject outlives the lifted restriction.
        given().auth().oauth2(TestTokens.controller()).contentType("application/json")
                .body(Map.of("subject", Map.of("email", email), "reason", "litigation")).post("/api/retention/holds")
                .then().statusCode(201);
        JsonNode lifted = dsr.act(subjectKey, DsrAction.RESTRICTION_LIFTED, null);
        assertEquals("DONE", lifted.get("outcome").asText());
        assertEquals(1, lifted.get("recordCount").asLong());
        List<LegalHold> after = holdsOf(subjectKey);
        assertEquals(1, after.stream().filter(h -> h.liftedAt == null).count());
        assertEquals("litigation", after.stream().filter(h -> h.liftedAt == null).findFirst().orElseThrow().reason);
        purges.sweep(false);
        assertNull(purges.orderOf(CONTACT, "PROSPECT", record), "still held by the controller");

        String litigation = after.stream().filter(h -> h.liftedAt == null).findFirst().orElseThrow().id.toString();
        given().auth().oauth2(TestTokens.controller()).post("/api/retention/holds/" + litigation + "/lift").then()
                .statusCode(200);
        purges.sweep(false);
        assertNotNull(purges.orderOf(CONTACT, "PROSPECT", record), "purged once no hold is left");
        assertEquals("NOTHING_FOUND", dsr.act(subjectKey, DsrAction.RESTRICTION_LIFTED, null).get("outcome").asText());
    }

    @Test
    void aChangedEmailMovesEntriesAndHoldsAnObjectionChangesNothingAndAnErasureTakesTheRestrictionHold() {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String oldKey = subjectKeys.forEmail("before-" + UUID.randomUUID() + "@example.org");
        String newEmail = "after-" + UUID.randomUUID() + "@example.org";
        String newKey = subjectKeys.forEmail(newEmail);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        entry(lifecycle, oldKey, "PROSPECT", ClockEvent.COLLECTED, now);
        entry(lifecycle, oldKey, "NEWSLETTER", ClockEvent.UNSUBSCRIBED, now);
        DsrBus dsr = new DsrBus("retention-service", mapper, sealed);
        assertEquals("DONE", dsr.act(oldKey, DsrAction.RESTRICTION, null).get("outcome").asText());

        JsonNode rectified = dsr.act(oldKey, DsrAction.RECTIFICATION,
                new Corrections(newEmail, null, "Jeanne", null, null, null, null));
        assertEquals("DONE", rectified.get("outcome").asText());
        assertEquals(3, rectified.get("recordCount").asLong(), "two entries and the hold");
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> ledger.count("subjectKey", oldKey)));
        assertEquals(2, (long) QuarkusTransaction.requiringNew().call(() -> ledger.count("subjectKey", newKey)));
        assertEquals(0, holdsOf(oldKey).size());
        assertEquals(1, holdsOf(newKey).size());
        JsonNode nothingToCorrect = dsr.act(newKey, DsrAction.RECTIFICATION,
                new Corrections(null, null, "Jeanne", null, null, null, null));
        assertEquals("NOTHING_FOUND", nothingToCorrect.get("outcome").asText(), "no name is held here");

        assertEquals("NOTHING_FOUND", dsr.act(newKey, DsrAction.OBJECTION, null).get("outcome").asText());
        assertEquals(2, (long) QuarkusTransaction.requiringNew().call(() -> ledger.count("subjectKey", newKey)));

        JsonNode erased = dsr.act(newKey, DsrAction.ERASURE, null);
        assertEquals(2, erased.get("recordCount").asLong());
        assertEquals(0, holdsOf(newKey).size(), "no row keeps the erased subject's key");
    }

    private List<LegalHold> holdsOf(String subjectKey) {
        return QuarkusTransaction.requiringNew().call(() -> holds.list("subjectKey", subjectKey));
    }
}
