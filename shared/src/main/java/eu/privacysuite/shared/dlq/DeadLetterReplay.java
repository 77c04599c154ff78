package eu.privacysuite.shared.dlq;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import eu.privacysuite.shared.events.Topics;

/**
 * Moves the records of a dead-letter topic back to their topic once the cause is fixed. Each record is copied as
 * it is (key, value, headers but the dead-letter ones); the DLQ offsets are committed, under a consumer group of
 * the replay's own, only after the broker has acknowledged the copies, so a replay cut short loses nothing and the
 * next one carries on. A record copied twice is harmless: consumers skip an eventId they have handled. Records
 * that reach the DLQ while a replay runs wait for the next one. A plain program (no Quarkus), so the local stack
 * and a Kubernetes Job run the same main class from the jars a service image already has.
 */
public final class DeadLetterReplay {

    /** Where the replay keeps its progress in each DLQ. */
    public static final String GROUP_PREFIX = "privacy-dlq-replay.";
    private static final String DLQ_SUFFIX = ".dlq";
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    /** What a replay did: how many records went from which topic back to which. */
    public record Result(String from, String to, long moved) {
    }

    private final Properties client;

    /** {@code client}: the Kafka client settings (bootstrap servers, and TLS or SASL where the cluster asks). */
    public DeadLetterReplay(Properties client) {
        this.client = client;
    }

    /** Replays {@code topic}'s DLQ; {@code topic} is the DLQ's name or the name of the topic it belongs to. */
    public Result replay(String topic) {
        String dlq = topic.endsWith(DLQ_SUFFIX) ? topic : Topics.deadLetter(topic);
        String target = dlq.substring(0, dlq.length() - DLQ_SUFFIX.length());
        if (!Topics.EVENT_TOPICS.contains(target)) {
            throw new IllegalArgumentException("not a dead-letter topic of the suite: " + topic
                    + " (one of " + Topics.EVENT_TOPICS + ", with or without " + DLQ_SUFFIX + ")");
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(dlq);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata done = committed.get(p);
                if (done == null) {
                    consumer.seekToBeginning(List.of(p));
                } else {
                    consumer.seek(p, done.offset());
                }
            }
            long moved = 0;
            Instant lastProgress = Instant.now();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                int batch = copyBatch(consumer, producer, target, end);
                moved += batch;
                if (batch > 0) {
                    lastProgress = Instant.now();
                } else if (Instant.now().isAfter(lastProgress.plus(STALL_LIMIT))) {
                    throw new IllegalStateException("no progress for " + STALL_LIMIT + " while reading " + dlq);
                }
            }
            return new Result(dlq, target, moved);
        }
    }

    private static int copyBatch(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            String target, Map<TopicPartition, Long> end) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() >= end.get(partition)) {
                continue; // arrived after this replay started: left for the next one
            }
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target, null, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("dead-letter-")) {
                    copy.headers().add(header);
                }
            }
            copy.headers().add("replayed-from", (record.topic() + "/" + record.partition() + "/" + record.offset())
                    .getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(copy));
            next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a copy to " + target + " was not acknowledged; nothing of this batch is"
                    + " marked as replayed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; nothing of this batch is marked as replayed", e);
        }
        // Only now, with every copy acknowledged, does the DLQ position move.
        if (!next.isEmpty()) {
            consumer.commitSync(next);
        }
        return sends.size();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String dlq) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + dlq);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * {@code DeadLetterReplay <topic>[.dlq]}: the broker from {@code KAFKA_BOOTSTRAP_SERVERS}, further client
     * settings (TLS, SASL) from the properties file named by {@code KAFKA_CLIENT_PROPERTIES}, if any.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DeadLetterReplay <topic or its .dlq>   (env KAFKA_BOOTSTRAP_SERVERS,"
                    + " optional KAFKA_CLIENT_PROPERTIES=<file>)");
            System.exit(2);
        }
        replayFromCommandLine(clientFromEnvironment(), args[0]);
    }

    /**
     * One replay as a command runs it (this class's {@link #main}, the local stack's {@code replay-dlq}): says what moved,
     * or exits 2 for a topic it cannot replay and 1 when the replay stopped part-way.
     */
    public static void replayFromCommandLine(Properties client, String topic) {
        try {
            Result result = new DeadLetterReplay(client).replay(topic);
            System.out.printf("Moved %d record(s) from %s back to %s.%n", result.moved(), result.from(), result.to());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("Replay stopped: " + e.getMessage() + ". Records not yet acknowledged stay in the"
                    + " dead-letter topic; run it again.");
            System.exit(1);
        }
    }

    /** The client settings of the environment, as {@link #main} reads them. */
    public static Properties clientFromEnvironment() {
        Properties p = new Properties();
        String file = System.getenv("KAFKA_CLIENT_PROPERTIES");
        if (file != null && !file.isBlank()) {
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        return p;
    }
}
