package eu.privacysuite.retention;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.DisposableDatabaseResource;
import eu.privacysuite.testing.DisposablePostgres;
import eu.privacysuite.testing.Management;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The shared consumer skeleton against a real outage: the service's PostgreSQL is stopped while lifecycle events
 * arrive. Nothing may go to the dead-letter topic, no offset may move past the held event, readiness must show the
 * fault, and every event must be applied once, in order, when the database is back.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final int DURING_OUTAGE = 30;

    /** This class's database is a server of its own, which the test stops and starts. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DisposableDatabaseResource.class, Map.of("database", "retention_outage")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerEntryRepository ledger;

    @Inject
    EntityManager entityManager;

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedOnceInOrderWhenItReturnsAndNoneIsDeadLettered() throws Exception {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String key = "outage-" + UUID.randomUUID();
        lifecycle.send(key, clock(lifecycle, key, "warm-up-" + key));
        lifecycle.awaitEntry("contact-service", "PROSPECT", "warm-up-" + key, e -> true);

        DisposablePostgres postgres = DisposableDatabaseResource.postgres();
        postgres.stop();
        List<EventEnvelope> sent = new ArrayList<>();
        RecordMetadata first = null;
        for (int i = 0; i < DURING_OUTAGE; i++) {
            EventEnvelope event = clock(lifecycle, key, key + "-" + i);
            RecordMetadata at = lifecycle.bus.send(Topics.RETENTION_LIFECYCLE, key, mapper.writeValueAsString(event));
            first = first == null ? at : first;
            sent.add(event);
        }

        awaitReadiness(503, Topics.RETENTION_LIFECYCLE);
        Thread.sleep(6_000); // longer than the commit interval (5 s): a wrongly acknowledged record would be committed
        TopicPartition partition = new TopicPartition(Topics.RETENTION_LIFECYCLE, first.partition());
        long committed = lifecycle.bus.committedOffset("retention-service", partition);
        assertTrue(committed <= first.offset(),
                "no offset moves past the held event during the outage (committed " + committed + ", held " + first.offset() + ")");

        postgres.startServer();
        for (int i = 0; i < DURING_OUTAGE; i++) {
            lifecycle.awaitEntry("contact-service", "PROSPECT", key + "-" + i, e -> true);
        }
        List<Instant> handledAt = handledAt(sent);
        assertEquals(DURING_OUTAGE, handledAt.size(), "every event published is applied, once");
        for (int i = 1; i < handledAt.size(); i++) {
            assertTrue(!handledAt.get(i).isBefore(handledAt.get(i - 1)), "events of one partition are applied in order");
        }
        assertTrue(lifecycle.bus.readAll(Topics.deadLetter(Topics.RETENTION_LIFECYCLE)).stream()
                .noneMatch(r -> key.equals(r.key())), "a fault sends nothing to the dead-letter topic");
        awaitReadiness(200, "consumers");
    }

    private static EventEnvelope clock(Lifecycle lifecycle, String subjectKey, String recordId) {
        return lifecycle.clock(subjectKey, "contact-service", "PROSPECT", recordId, ClockEvent.COLLECTED, Instant.now());
    }

    /** When the inbox recorded each event, in the order they were sent. */
    private List<Instant> handledAt(List<EventEnvelope> sent) {
        List<Instant> times = new ArrayList<>();
        for (EventEnvelope event : sent) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "select processed_at from processed_event where consumer = :c and event_id = :id", Instant.class)
                    .setParameter("c", Topics.RETENTION_LIFECYCLE).setParameter("id", event.eventId())
                    .getResultList().forEach(t -> times.add((Instant) t)));
        }
        return times;
    }

    private static void awaitReadiness(int status, String showing) {
        await("readiness " + status + " showing " + showing).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    var response = Management.given().get("/q/health/ready");
                    return response.statusCode() == status && response.asString().contains(showing);
                });
    }
}
