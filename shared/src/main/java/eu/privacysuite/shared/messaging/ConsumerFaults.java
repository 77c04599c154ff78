package eu.privacysuite.shared.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which consumers are holding a message because of a fault (database, broker, lock timeout) and retrying it;
 * {@link ConsumerHealthCheck} shows them. A fault is known by its class name, never by its message text.
 */
@ApplicationScoped
public class ConsumerFaults {

    /** A fault that holds one topic's consumer. */
    record Fault(Instant since, int attempts, String kind) {
    }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Clock clock;

    public ConsumerFaults(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void failed(String topic, Throwable fault) {
        String kind = fault.getClass().getSimpleName();
        faults.merge(topic, new Fault(Instant.now(clock), 1, kind),
                (earlier, now) -> new Fault(earlier.since(), earlier.attempts() + 1, kind));
        registry.counter("privacy.consumer.faults", "topic", topic, "kind", kind).increment();
    }

    void recovered(String topic) {
        faults.remove(topic);
    }

    void deadLettered(String topic) {
        registry.counter("privacy.consumer.dead.lettered", "topic", topic).increment();
    }

    /** Whether a consumer of this topic is retrying a fault now. */
    public boolean failing(String topic) {
        return faults.containsKey(topic);
    }

    Map<String, Fault> current() {
        return Map.copyOf(faults);
    }
}
