package eu.privacysuite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;

/**
 * Values that are bad in themselves, made from a valid event of the topic: not JSON, not an envelope, another
 * type, an unreadable schema version, a NUL character that PostgreSQL would refuse. Each must reach the topic's
 * dead-letter topic with a reason, and must not hold up the records behind it.
 */
public final class PoisonMessages {

    /** Written into every poison value: a reason that repeats it would be echoing the message. */
    public static final String SECRET = "jane.doe@example.org";

    private PoisonMessages() {
    }

    public static List<String> from(ObjectMapper mapper, EventEnvelope valid) {
        ObjectNode json = mapper.valueToTree(valid);
        return List.of(
                "this is not JSON " + SECRET,
                "{\"not\":\"an envelope\",\"email\":\"" + SECRET + "\"}",
                with(mapper, json, n -> n.put("type", "Unheard" + SECRET)),
                with(mapper, json, n -> n.put("version", 99).put("producer", SECRET)),
                with(mapper, json, n -> ((ObjectNode) n.get("data")).put("note", SECRET + "\u0000")));
    }

    /** Sends the poison values under one key; the caller then sends a valid event under that key. */
    public static int send(TopicProbe bus, String topic, String key, List<String> poison) {
        poison.forEach(value -> bus.send(topic, key, value));
        return poison.size();
    }

    /** Waits for the poison sent under this key on the topic's DLQ; checks each has a reason that echoes nothing. */
    public static void assertDeadLettered(TopicProbe bus, String topic, String key, int count) {
        String dlq = Topics.deadLetter(topic);
        List<ConsumerRecord<String, String>> dead = Awaitility.await(count + " dead letters on " + dlq)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> bus.readAll(dlq).stream().filter(r -> key.equals(r.key())).toList(), d -> d.size() >= count);
        assertEquals(count, dead.size(), "every poison value of " + topic + " is on " + dlq);
        for (ConsumerRecord<String, String> record : dead) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "a dead letter says why");
            String text = new String(reason.value(), StandardCharsets.UTF_8);
            assertFalse(text.isBlank());
            assertFalse(text.contains(SECRET), "the reason echoes nothing of the message: " + text);
        }
    }

    private static String with(ObjectMapper mapper, ObjectNode valid, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = valid.deepCopy();
        change.accept(copy);
        try {
            return mapper.writeValueAsString(copy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
