package eu.privacysuite.shared.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds the relay's Kafka clients from the same {@code kafka.*} settings the messaging channels use
 * (bootstrap servers, TLS, SASL, ...: Quarkus gathers them in the {@code default-kafka-broker} map), then fixes
 * what the outbox guarantee needs: acks=all, idempotence, string records.
 */
@ApplicationScoped
public class RelayClients {

    private final Map<String, Object> kafka;

    public RelayClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    KafkaProducer<String, String> producer() {
        Map<String, Object> p = only(ProducerConfig.configNames());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Whether the producer compresses its batches (then the size the broker weighs is not the records' own). */
    boolean compresses() {
        Object type = kafka.get(ProducerConfig.COMPRESSION_TYPE_CONFIG);
        return type != null && !"none".equalsIgnoreCase(type.toString());
    }

    /** Asks the broker whether a topic exists, which the producer alone cannot tell from a broker that is away. */
    Admin admin() {
        Map<String, Object> p = only(AdminClientConfig.configNames());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
        return Admin.create(p);
    }

    /** The {@code kafka.*} settings this kind of client knows; consumer-only ones would only earn warnings. */
    Map<String, Object> only(Set<String> known) {
        Map<String, Object> p = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (known.contains(name)) {
                p.put(name, value);
            }
        });
        return p;
    }
}
