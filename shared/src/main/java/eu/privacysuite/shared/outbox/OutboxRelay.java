package eu.privacysuite.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka (acks=all, idempotent producer) and deletes them once the broker has them.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED} so replicas share the work; a key whose earlier row is
 * held by another replica waits, which keeps per-key order. Delivery is at least once: consumers are idempotent.
 * A plain Kafka producer rather than a messaging channel, because the relay must know each send succeeded
 * before it deletes the row, inside one transaction, for any topic.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private final Semaphore wakeUp = new Semaphore(0);
    private ExecutorService worker;
    private KafkaProducer<String, String> producer;
    private volatile boolean running;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("privacy.outbox.published").description("events the relay published")
                .register(registry);
        this.failures = Counter.builder("privacy.outbox.failures").description("relay rounds that failed")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        worker.submit(this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** A commit wrote an event: publish now rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    private void loop() {
        Duration backoff = config.pollInterval();
        while (running) {
            try {
                int sent = relayBatch();
                backoff = config.pollInterval();
                if (sent == 0) {
                    await(config.pollInterval());
                }
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("outbox relay round failed, retrying in %s: %s", backoff, rootMessage(e));
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch and returns how many events left the outbox. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> claimed = claim();
            if (claimed.isEmpty()) {
                return 0;
            }
            List<OutboxEvent> ready = inKeyOrder(claimed);
            List<Future<RecordMetadata>> sends = new ArrayList<>(ready.size());
            for (OutboxEvent event : ready) {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.messageKey, event.payload);
                record.headers().add("eventId", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
            List<Long> ids = ready.stream().map(e -> e.id).toList();
            entityManager.createQuery("delete from OutboxEvent e where e.id in :ids").setParameter("ids", ids)
                    .executeUpdate();
            published.increment(ready.size());
            return ready.size();
        });
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> claim() {
        return entityManager.createNativeQuery(
                "select * from outbox_event order by id limit :limit for update skip locked", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
    }

    /** Drops the rows of any key that has an earlier row another replica holds, so no key is published out of order. */
    private List<OutboxEvent> inKeyOrder(List<OutboxEvent> claimed) {
        List<Long> ids = claimed.stream().map(e -> e.id).toList();
        List<String> keys = claimed.stream().map(e -> e.messageKey).distinct().toList();
        List<Object[]> heldElsewhere = entityManager.createQuery(
                "select e.messageKey, min(e.id) from OutboxEvent e where e.messageKey in :keys and e.id not in :ids"
                        + " group by e.messageKey", Object[].class)
                .setParameter("keys", keys).setParameter("ids", ids).getResultList();
        if (heldElsewhere.isEmpty()) {
            return claimed;
        }
        Map<String, Long> firstHeld = new HashMap<>();
        heldElsewhere.forEach(row -> firstHeld.put((String) row[0], (Long) row[1]));
        return claimed.stream()
                .filter(e -> !firstHeld.containsKey(e.messageKey) || e.id < firstHeld.get(e.messageKey))
                .toList();
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return p;
    }

    private void await(Duration duration) {
        try {
            wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
