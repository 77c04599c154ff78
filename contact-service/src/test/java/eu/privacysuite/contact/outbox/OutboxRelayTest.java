package eu.privacysuite.contact.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.outbox.ParkedEvents;
import eu.privacysuite.testing.Management;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "contact_test"))
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    ParkedEvents parked;

    @Inject
    EventCodec codec;

    @Inject
    EntityManager entityManager;

    final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());

    @Test
    void aRecordTheBrokerRefusesIsParkedWithItsReasonWhileOtherKeysFlowAndItsKeyWaitsUntilRequeued() {
        String topic = RelayTopics.withSmallRecordLimit("parked");
        String refusedKey = UUID.randomUUID().toString();
        String otherKey = UUID.randomUUID().toString();
        EventEnvelope tooLarge = event(refusedKey, 4 * RelayTopics.SMALL_LIMIT);
        EventEnvelope behindIt = event(refusedKey, 10);
        EventEnvelope otherKeys = event(otherKey, 10);
        publish(topic, tooLarge, behindIt, otherKeys);

        bus.await(topic, r -> r.value().contains(otherKeys.eventId().toString()), WAIT);
        ParkedEvents.ParkedEvent parkedRow = awaitParked(tooLarge.eventId());
        assertTrue(parkedRow.reason().startsWith("RecordTooLargeException"), parkedRow.reason());
        assertTrue(outbox.waiting(behindIt.eventId()), "the later event of the refused key waits behind it");
        assertFalse(outbox.waiting(otherKeys.eventId()), "the other key's event left the outbox");
        assertTrue(parked.counts().held() >= 1);

        assertEquals("DOWN", Management.given().get("/q/health/group/outbox").then().extract().path("status"));
        assertEquals("UP", outboxReadiness());
        String metrics = Management.given().get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("privacy_outbox_parked") && !l.endsWith(" 0.0")), metrics);
        assertTrue(metrics.contains("privacy_outbox_refused_total"));

        RelayTopics.raiseRecordLimit(topic);
        assertEquals(1, parked.requeue(parkedRow.id()));
        List<String> order = eventIdsInOffsetOrder(topic, refusedKey, 2);
        assertEquals(List.of(tooLarge.eventId().toString(), behindIt.eventId().toString()), order);
        assertFalse(outbox.waiting(tooLarge.eventId()));
    }

    @Test
    void twoTransactionsOnOneKeyArePublishedInTheOrderTheyCommit() throws Exception {
        String topic = RelayTopics.withSmallRecordLimit("order");
        String key = UUID.randomUUID().toString();
        // A parked row holds the key, so that the relay sees both transactions' rows at once, as after a slow round.
        EventEnvelope blocker = event(key, 4 * RelayTopics.SMALL_LIMIT);
        publish(topic, blocker);
        long blockerRow = awaitParked(blocker.eventId()).id();

        EventEnvelope first = event(key, 10);
        EventEnvelope second = event(key, 10);
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        Thread firstTx = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(topic, key, first);
            firstWritten.countDown();
            await(releaseFirst);
        }));
        Thread secondTx = new Thread(() -> {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, key, second));
            secondCommitted.countDown();
        });
        firstTx.start();
        assertTrue(firstWritten.await(10, TimeUnit.SECONDS));
        secondTx.start(); // its row gets a later id, and it tries to commit while the first is still open
        boolean secondCommittedFirst = secondCommitted.await(1500, TimeUnit.MILLISECONDS);
        releaseFirst.countDown();
        firstTx.join(10_000);
        secondTx.join(10_000);
        List<String> commitOrder = secondCommittedFirst
                ? List.of(second.eventId().toString(), first.eventId().toString())
                : List.of(first.eventId().toString(), second.eventId().toString());

        RelayTopics.raiseRecordLimit(topic);
        parked.requeue(blockerRow);
        List<String> published = eventIdsInOffsetOrder(topic, key, 3);
        assertEquals(blocker.eventId().toString(), published.get(0));
        assertEquals(commitOrder, published.subList(1, 3));
    }

    @Test
    void aRowAnotherReplicaLeasedHoldsTheRowsBehindItOnItsKeyWhileOtherKeysFlow() {
        String topic = RelayTopics.withSmallRecordLimit("lease");
        RelayTopics.raiseRecordLimit(topic);
        String key = UUID.randomUUID().toString();
        EventEnvelope leased = event(key, 10);
        EventEnvelope behind = event(key, 10);
        EventEnvelope otherKey = event(UUID.randomUUID().toString(), 10);
        // One transaction: the relay sees the three rows at once, the first leased by a round of another replica.
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(topic, key, leased);
            entityManager.createNativeQuery("update outbox_event set leased_until = now() + interval '1 hour'"
                    + " where event_id = ?1").setParameter(1, leased.eventId()).executeUpdate();
            outbox.publish(topic, key, behind);
            outbox.publish(topic, otherKey.subjectKey(), otherKey);
        });

        // The other key's row came after both: the round that published it had the row behind the lease too.
        bus.await(topic, r -> r.value().contains(otherKey.eventId().toString()), WAIT);
        assertTrue(outbox.waiting(behind.eventId()), "the row behind the leased one waits for it");
        assertTrue(bus.readAll(topic).stream().noneMatch(r -> key.equals(r.key())));

        // The other replica's lease runs out (its round died): both go, in their order.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update outbox_event set leased_until = null where event_id = ?1")
                .setParameter(1, leased.eventId()).executeUpdate());
        assertEquals(List.of(leased.eventId().toString(), behind.eventId().toString()),
                eventIdsInOffsetOrder(topic, key, 2));
    }

    @Test
    void aRelayThreadThatDiesIsReportedDownAndStartedAgain() {
        Thread relay = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("outbox-relay"))
                .findFirst().orElseThrow();
        relay.interrupt();

        awaitTrue(() -> "DOWN".equals(outboxReadiness()) && "DEAD".equals(outboxReadinessData("relay")),
                Duration.ofSeconds(4), "readiness shows the dead relay");
        awaitTrue(() -> "UP".equals(outboxReadiness()), WAIT, "the relay is started again");
        assertFalse(relay.isAlive());

        String topic = RelayTopics.withSmallRecordLimit("restart");
        EventEnvelope after = event(UUID.randomUUID().toString(), 10);
        publish(topic, after);
        bus.await(topic, r -> r.value().contains(after.eventId().toString()), WAIT);
        assertTrue(Management.given().get("/q/metrics").asString().lines()
                .anyMatch(l -> l.startsWith("privacy_outbox_relay_restarts_total") && !l.endsWith(" 0.0")));
    }

    @Test
    void theRelayVacuumsItsTableOnceItHasDeletedEnoughRows() {
        // %test.privacy.outbox.vacuum-after=200 (application.properties); PostgreSQL's autovacuum may be off.
        long vacuumsBefore = vacuumCount();
        String topic = RelayTopics.withSmallRecordLimit("vacuum");
        RelayTopics.raiseRecordLimit(topic);
        EventEnvelope[] events = new EventEnvelope[250];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(UUID.randomUUID().toString(), 10);
        }
        publish(topic, events);

        awaitTrue(() -> Arrays.stream(events).noneMatch(e -> outbox.waiting(e.eventId())), WAIT,
                "the 250 events relayed and deleted");
        awaitTrue(() -> vacuumCount() > vacuumsBefore, WAIT, "outbox_event vacuumed by PostgreSQL");
        assertTrue(Management.given().get("/q/metrics").asString().lines()
                .anyMatch(l -> l.startsWith("privacy_outbox_vacuums_total") && !l.endsWith(" 0.0")));
    }

    private long vacuumCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select vacuum_count from pg_stat_user_tables where relname = 'outbox_event'").getSingleResult())
                .longValue());
    }

    private EventEnvelope event(String key, int padding) {
        return codec.envelope("relay-test", UUID.randomUUID().toString(), key, Map.of("padding", "x".repeat(padding)));
    }

    private void publish(String topic, EventEnvelope... events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (EventEnvelope event : events) {
                outbox.publish(topic, event.subjectKey(), event);
            }
        });
    }

    private ParkedEvents.ParkedEvent awaitParked(UUID eventId) {
        List<ParkedEvents.ParkedEvent> found = new ArrayList<>();
        awaitTrue(() -> {
            found.clear();
            parked.list(1000).stream().filter(p -> p.eventId().equals(eventId)).forEach(found::add);
            return !found.isEmpty();
        }, WAIT, "event " + eventId + " is parked");
        return found.get(0);
    }

    private List<String> eventIdsInOffsetOrder(String topic, String key, int count) {
        return Awaitility.await(count + " records of the key on " + topic).atMost(WAIT)
                .until(() -> bus.readAll(topic).stream().filter(r -> key.equals(r.key()))
                        .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                        .map(OutboxRelayTest::eventId).toList(), ids -> ids.size() >= count);
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("eventId").value());
    }

    static String outboxReadiness() {
        return Management.given().get("/q/health/ready").then().extract().path("checks.find { it.name == 'outbox' }.status");
    }

    static String outboxReadinessData(String field) {
        return Management.given().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'outbox' }.data." + field);
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
