package eu.privacysuite.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One relay round's sending: a lane is one topic and key, its rows go out one at a time in id order (one per
 * wave), so a row that fails is never overtaken by the next row of its lane while other lanes go on. Records what
 * the broker acknowledged, parks what it refused for good, keeps the last fault met.
 */
final class RelayRound {

    /** The fixed part of a record batch (v2) around a single record: a lower bound of what the broker weighs. */
    private static final int RECORD_BATCH_OVERHEAD = 61;
    /** The relay's one header: "eventId" and a UUID. */
    private static final int HEADER_BYTES = "eventId".length() + 36;

    private final Producer<String, String> producer;
    private final KnownTopics topics;
    private final Clock clock;
    private final boolean compressed;
    private final Map<String, KnownTopics.Topic> looked = new HashMap<>();
    private final Map<String, RuntimeException> unanswered = new HashMap<>();
    private final List<Long> sent = new ArrayList<>();
    private final List<OutboxEvent> parked = new ArrayList<>();
    private Map<List<String>, Deque<OutboxEvent>> lanes;
    private Throwable fault;

    RelayRound(Producer<String, String> producer, KnownTopics topics, Clock clock, boolean compressed) {
        this.producer = producer;
        this.topics = topics;
        this.clock = clock;
        this.compressed = compressed;
    }

    List<Long> sent() {
        return sent;
    }

    /** The rows refused for good, their {@code parkedAt} and {@code parkedReason} set (not yet written). */
    List<OutboxEvent> parked() {
        return parked;
    }

    Throwable fault() {
        return fault;
    }

    void run(List<OutboxEvent> rows, boolean oneByOne) {
        lanes = lanes(rows);
        while (!lanes.isEmpty()) {
            Map<OutboxEvent, Future<RecordMetadata>> sends = new LinkedHashMap<>();
            for (OutboxEvent event : nextWave()) {
                if (!topicAccepts(event)) {
                    continue;
                }
                Future<RecordMetadata> send = send(producer, event);
                if (!oneByOne) {
                    sends.put(event, send);
                    continue;
                }
                producer.flush();
                if (!settle(event, send)) {
                    return;
                }
            }
            producer.flush();
            sends.forEach(this::settle);
        }
    }

    /** The next row of every lane; a lane leaves when it has no more. */
    private List<OutboxEvent> nextWave() {
        List<OutboxEvent> wave = new ArrayList<>(lanes.size());
        for (Iterator<Deque<OutboxEvent>> it = lanes.values().iterator(); it.hasNext();) {
            Deque<OutboxEvent> lane = it.next();
            wave.add(lane.poll());
            if (lane.isEmpty()) {
                it.remove();
            }
        }
        return wave;
    }

    /**
     * False when the row's topic is refused for good or the record is surely over the topic's size limit (the
     * row is parked), or when the broker did not answer the lookup (a fault).
     */
    private boolean topicAccepts(OutboxEvent event) {
        if (!looked.containsKey(event.topic) && !unanswered.containsKey(event.topic)) {
            try {
                looked.put(event.topic, topics.lookUp(event.topic));
            } catch (RuntimeException e) {
                unanswered.put(event.topic, e);
            }
        }
        if (unanswered.containsKey(event.topic)) {
            fault = unanswered.get(event.topic);
            lanes.remove(lane(event));
            return false;
        }
        KnownTopics.Topic topic = looked.get(event.topic);
        Optional<String> refusal = topic.refusal().or(() -> tooLarge(event, topic));
        refusal.ifPresent(reason -> park(event, reason));
        return refusal.isEmpty();
    }

    /** Records the broker's answer; false when it was a fault, which stops the row's lane. */
    private boolean settle(OutboxEvent event, Future<RecordMetadata> send) {
        Throwable failure = outcome(send);
        if (failure == null) {
            sent.add(event.id);
            return true;
        }
        Optional<String> refusal = BrokerRefusals.finalRefusal(failure);
        if (refusal.isPresent()) {
            park(event, refusal.get());
            return true;
        }
        fault = failure;
        lanes.remove(lane(event));
        if (failure instanceof org.apache.kafka.common.errors.TimeoutException) {
            topics.forget(event.topic);
        }
        return false;
    }

    private void park(OutboxEvent event, String reason) {
        event.parkedAt = Instant.now(clock);
        event.parkedReason = reason;
        parked.add(event);
        lanes.remove(lane(event));
    }

    /**
     * A record whose bytes alone exceed the topic's limit is refused by the broker; parking it before sending keeps
     * it out of a batch with others (see {@link RelayBatch#relay}). Only when the producer does not compress: the broker
     * weighs the compressed batch.
     */
    private Optional<String> tooLarge(OutboxEvent event, KnownTopics.Topic topic) {
        if (compressed || topic.maxMessageBytes().isEmpty()) {
            return Optional.empty();
        }
        long bytes = RECORD_BATCH_OVERHEAD + utf8Length(event.messageKey) + utf8Length(event.payload) + HEADER_BYTES;
        int limit = topic.maxMessageBytes().getAsInt();
        return bytes > limit ? Optional.of("RecordTooLargeException: the record takes at least " + bytes
                + " bytes, over max.message.bytes " + limit + " of topic " + event.topic) : Optional.empty();
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static Map<List<String>, Deque<OutboxEvent>> lanes(List<OutboxEvent> rows) {
        Map<List<String>, Deque<OutboxEvent>> lanes = new LinkedHashMap<>();
        rows.forEach(row -> lanes.computeIfAbsent(lane(row), l -> new ArrayDeque<>()).add(row));
        return lanes;
    }

    private static List<String> lane(OutboxEvent event) {
        return List.of(event.topic, event.messageKey);
    }

    private static Future<RecordMetadata> send(Producer<String, String> producer, OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.messageKey, event.payload);
        record.headers().add("eventId", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** The send's failure, or null when the broker acknowledged it; an interrupt ends the round. */
    private static Throwable outcome(Future<RecordMetadata> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("relay interrupted while waiting for the broker", e);
        }
    }
}
