package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.PoisonMessages;
import eu.privacysuite.testing.SuitePlatformResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "retention_test"))
class RetentionLedgerTest {

    private static final String CONTACT = "contact-service";

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerEntryRepository ledger;

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    Lifecycle lifecycle;
    String subjectKey;
    String recordId;

    @BeforeEach
    void newSubject() {
        lifecycle = new Lifecycle(mapper, ledger);
        subjectKey = "subject-" + UUID.randomUUID();
        recordId = UUID.randomUUID().toString();
    }

    @Test
    void prospectCollectedStartsAClockDueThreeYearsLater() {
        Instant collected = Instant.parse("2024-03-10T09:00:00Z");
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.COLLECTED, collected));

        LedgerEntry entry = lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId, e -> true);
        assertEquals(Instant.parse("2027-03-10T09:00:00Z"), entry.dueAt);
        assertEquals(collected, entry.clockStartedAt);
        assertEquals(ClockEvent.COLLECTED, entry.clockEvent);
        assertEquals(subjectKey, entry.subjectKey);
    }

    @Test
    void lastContactMovesTheClockForwardAndAnOlderEventNeverMovesItBack() {
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.COLLECTED,
                Instant.parse("2024-03-10T09:00:00Z")));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId, e -> true);

        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.LAST_CONTACT,
                Instant.parse("2025-06-01T14:30:00Z")));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId,
                e -> e.dueAt.equals(Instant.parse("2028-06-01T14:30:00Z")) && e.clockEvent == ClockEvent.LAST_CONTACT);

        // A replayed or late event from before the last contact arrives afterwards.
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.LAST_CONTACT,
                Instant.parse("2024-12-24T08:00:00Z")));
        lifecycle.barrier(subjectKey, subjectKey);
        LedgerEntry entry = lifecycle.entry(CONTACT, "PROSPECT", recordId).orElseThrow();
        assertEquals(Instant.parse("2028-06-01T14:30:00Z"), entry.dueAt);
        assertEquals(Instant.parse("2025-06-01T14:30:00Z"), entry.clockStartedAt);
    }

    @Test
    void cookieConsentIsDueThirteenMonthsAfterItWasGiven() {
        // Consent belongs to a visitor, not (yet) to a subject: no subject key, keyed by the visitor.
        String visitorId = UUID.randomUUID().toString();
        lifecycle.send(visitorId, lifecycle.clock(null, "consent-service", "COOKIE_CONSENT", visitorId,
                ClockEvent.CONSENT_GIVEN, Instant.parse("2025-01-31T12:00:00Z")));

        LedgerEntry entry = lifecycle.awaitEntry("consent-service", "COOKIE_CONSENT", visitorId, e -> true);
        assertEquals(Instant.parse("2026-02-28T12:00:00Z"), entry.dueAt, "13 calendar months, clamped to the month's end");
        assertNull(entry.subjectKey);
    }

    @Test
    void recordDeletedRemovesTheEntry() {
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.COLLECTED,
                Instant.now()));
        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId, e -> true);

        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.RECORD_DELETED,
                Instant.now()));
        lifecycle.awaitGone(CONTACT, "PROSPECT", recordId);
    }

    @Test
    void aDuplicateEventIsAppliedOnce() {
        EventEnvelope collected = lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.COLLECTED,
                Instant.now());
        lifecycle.send(subjectKey, collected);
        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId, e -> true);
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.RECORD_DELETED,
                Instant.now()));
        lifecycle.awaitGone(CONTACT, "PROSPECT", recordId);

        // The first event delivered again must not bring the deleted record's clock back.
        lifecycle.send(subjectKey, collected);
        lifecycle.barrier(subjectKey, subjectKey);
        assertTrue(lifecycle.entry(CONTACT, "PROSPECT", recordId).isEmpty());
    }

    @Test
    void eventsThatStartNoClockAreSkippedAndCounted() {
        double notAStart = skipped("not-a-clock-start", "NEWSLETTER", "COLLECTED");
        double notOwner = skipped("not-the-owner", "PROSPECT", "COLLECTED");

        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, CONTACT, "NEWSLETTER", recordId, ClockEvent.COLLECTED,
                Instant.now()));
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, "consent-service", "PROSPECT", recordId,
                ClockEvent.COLLECTED, Instant.now()));
        lifecycle.barrier(subjectKey, subjectKey);

        assertTrue(lifecycle.entry(CONTACT, "NEWSLETTER", recordId).isEmpty(), "COLLECTED does not start a newsletter clock");
        assertTrue(lifecycle.entry("consent-service", "PROSPECT", recordId).isEmpty(), "prospects belong to contact-service");
        assertEquals(notAStart + 1, skipped("not-a-clock-start", "NEWSLETTER", "COLLECTED"));
        assertEquals(notOwner + 1, skipped("not-the-owner", "PROSPECT", "COLLECTED"));
    }

    @Test
    void badLifecycleEventsAreDeadLetteredWithAReasonAndTheEventsBehindThemAreApplied() {
        String key = "poison-" + UUID.randomUUID();
        EventEnvelope valid = lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId, ClockEvent.COLLECTED, Instant.now());
        List<String> poison = new ArrayList<>(PoisonMessages.from(mapper, valid));
        poison.add(json(lifecycle.clock(subjectKey, CONTACT, "PROSPECT", "no-time", ClockEvent.COLLECTED, null)));
        PoisonMessages.send(lifecycle.bus, Topics.RETENTION_LIFECYCLE, key, poison);
        lifecycle.send(key, valid);

        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId, e -> true);
        PoisonMessages.assertDeadLettered(lifecycle.bus, Topics.RETENTION_LIFECYCLE, key, poison.size());
        assertTrue(lifecycle.entry(CONTACT, "PROSPECT", "no-time").isEmpty());
    }

    private String json(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventOfAnUnknownCategoryGoesToTheDeadLetterTopicWithItsReason() {
        String key = "unknown-category-" + UUID.randomUUID();
        lifecycle.send(key, lifecycle.clock(subjectKey, CONTACT, "LOYALTY_CARD", recordId, ClockEvent.COLLECTED,
                Instant.now()));

        var dead = lifecycle.bus.await(Topics.deadLetter(Topics.RETENTION_LIFECYCLE), r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value());
        assertTrue(reason.contains("unknown retention category LOYALTY_CARD"), reason);
        assertTrue(lifecycle.entry(CONTACT, "LOYALTY_CARD", recordId).isEmpty());
    }

    @Test
    void eventsPolledTogetherAreAppliedInOneTransaction() {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId + "-" + i, ClockEvent.COLLECTED,
                    Instant.now()));
        }
        lifecycle.bus.sendTogether(Topics.RETENTION_LIFECYCLE, subjectKey, events.stream().map(this::json).toList());

        for (int i = 0; i < 5; i++) {
            lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId + "-" + i, e -> true);
        }
        // One inbox statement for the poll: its rows carry the one instant it was written at.
        assertEquals(1, inboxInstants(events), "the five events were recorded by one statement, in one transaction");
    }

    @Test
    void aBadEventPolledWithGoodOnesIsTheOnlyOneDeadLetteredAndTheGoodOnesAreApplied() {
        String key = "mixed-batch-" + UUID.randomUUID();
        EventEnvelope first = lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId + "-first", ClockEvent.COLLECTED,
                Instant.now());
        EventEnvelope unknownCategory = lifecycle.clock(subjectKey, CONTACT, "LOYALTY_CARD", recordId,
                ClockEvent.COLLECTED, Instant.now());
        EventEnvelope last = lifecycle.clock(subjectKey, CONTACT, "PROSPECT", recordId + "-last", ClockEvent.COLLECTED,
                Instant.now());
        // Refused when read (not JSON), refused by its effect (a category no rule knows): both among good events.
        lifecycle.bus.sendTogether(Topics.RETENTION_LIFECYCLE, key, List.of(json(first),
                "this is not JSON " + PoisonMessages.SECRET, json(unknownCategory), json(last)));

        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId + "-first", e -> true);
        lifecycle.awaitEntry(CONTACT, "PROSPECT", recordId + "-last", e -> true);
        PoisonMessages.assertDeadLettered(lifecycle.bus, Topics.RETENTION_LIFECYCLE, key, 2);
        lifecycle.barrier(key, subjectKey);
        List<String> dead = lifecycle.bus.readAll(Topics.deadLetter(Topics.RETENTION_LIFECYCLE)).stream()
                .filter(r -> key.equals(r.key())).map(r -> r.value()).toList();
        assertEquals(List.of("this is not JSON " + PoisonMessages.SECRET, json(unknownCategory)), dead,
                "only the two bad events are on the DLQ, in their order");
        assertTrue(lifecycle.entry(CONTACT, "LOYALTY_CARD", recordId).isEmpty());
    }

    private long inboxInstants(List<EventEnvelope> events) {
        String ids = String.join(",", events.stream().map(e -> e.eventId().toString()).toList());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(distinct processed_at) from processed_event where consumer = :consumer"
                        + " and event_id = any(cast(string_to_array(:ids, ',') as uuid[]))")
                .setParameter("consumer", Topics.RETENTION_LIFECYCLE).setParameter("ids", ids).getSingleResult())
                .longValue());
    }

    private double skipped(String reason, String category, String event) {
        Counter counter = registry.find("retention.clock.events.skipped")
                .tags("reason", reason, "category", category, "event", event).counter();
        return counter == null ? 0 : counter.count();
    }
}
