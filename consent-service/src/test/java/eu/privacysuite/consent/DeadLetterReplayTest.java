package eu.privacysuite.consent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.dlq.DeadLetterReplay;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The loss: a subject link dead-lettered during an outage left the visitor's consent proofs out of a
 * later erasure. The replay brings the link back, and the erasure then reaches those proofs.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    ObjectMapper mapper;

    @Test
    void replayRestoresALostLinkAndTheErasureThenRemovesTheVisitorsProofs() throws Exception {
        String subjectKey = subjectKeys.forEmail("lost.link." + UUID.randomUUID() + "@example.fr");
        JsonPath given = ConsentApi.give("{\"google-analytics\":true}");
        UUID visitor = UUID.fromString(given.getString("visitorId"));
        ConsentApi.give(ConsentApi.DEMO, given.getString("visitorToken"), ConsentApi.CURRENT, "CUSTOM",
                "{\"google-analytics\":false}");
        EventEnvelope link = new EventEnvelope(UUID.randomUUID(), EventTypes.SUBJECT_LINKED, 1, Instant.now(),
                "contact-service", UUID.randomUUID().toString(), subjectKey,
                mapper.valueToTree(new SubjectLinked(subjectKey, visitor.toString())));
        deadLetter(subjectKey, mapper.writeValueAsString(link));
        assertEquals(0, Stored.links("visitorId", visitor), "the link sits in the DLQ, not in the database");

        DeadLetterReplay replay = new DeadLetterReplay(client());
        DeadLetterReplay.Result first = replay.replay(Topics.deadLetter(Topics.SUBJECT_LINKS));
        assertEquals(Topics.SUBJECT_LINKS, first.to());
        assertTrue(first.moved() >= 1, "the link is moved: " + first);
        awaitTrue(() -> Stored.links("visitorId", visitor) == 1, "the replayed link is stored");

        // Run twice: what the first run moved is not moved again.
        replay.replay(Topics.SUBJECT_LINKS);
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        List<ConsumerRecord<String, String>> copies = bus.readAll(Topics.SUBJECT_LINKS).stream()
                .filter(r -> r.value().contains(link.eventId().toString())).toList();
        assertEquals(1, copies.size(), "one copy of the link on its topic after two replays");
        assertTrue(copies.get(0).headers().lastHeader("dead-letter-reason") == null, "the DLQ's headers stay behind");
        assertEquals(subjectKey, copies.get(0).key(), "same key, so same partition and order");

        // The erasure names no visitor: only the restored link leads it to the visitor's proofs.
        UUID requestId = UUID.randomUUID();
        EventEnvelope command = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(),
                "dsr-service", requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, List.of(), null)));
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));
        JsonNode reply = mapper.readTree(bus.await(Topics.dsrReplies("consent-service"),
                r -> r.value().contains(requestId.toString()), WAIT).value()).get("data");
        assertEquals("DONE", reply.get("outcome").asText());
        assertEquals(3, reply.get("recordCount").asLong(), "two consent proofs and the link");
        assertEquals(0, Stored.proofs("visitorId", visitor));
    }

    /** As a consumer under the old rule did: the record on the DLQ with the reason in a header. */
    private static void deadLetter(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client(), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetter(Topics.SUBJECT_LINKS), key, value);
            record.headers().add("dead-letter-reason", "database unreachable".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static Properties client() {
        Properties p = new Properties();
        p.put("bootstrap.servers", SuitePlatformResource.bootstrapServers());
        return p;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        await(what).atMost(WAIT).until(condition::getAsBoolean);
    }
}
