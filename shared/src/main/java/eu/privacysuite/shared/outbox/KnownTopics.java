package eu.privacysuite.shared.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Topics the broker said exist, with their record size limit. A producer asked for a missing topic waits for
 * metadata until it times out, exactly as when the broker is away; the admin lookup tells the two apart, so only
 * a topic the broker answered "unknown" (or "not authorised") for parks its rows. Knowing the limit lets the relay
 * park a record that is surely too large before sending it (see {@link RelayBatch}).
 */
final class KnownTopics {

    private static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    /**
     * What the broker said about a topic: why it refuses it for good, or else its {@code max.message.bytes} when
     * the relay may read it.
     */
    record Topic(Optional<String> refusal, OptionalInt maxMessageBytes, long checkedAtNanos) {
    }

    private final Admin admin;
    private final Map<String, Topic> known = new ConcurrentHashMap<>();

    KnownTopics(Admin admin) {
        this.admin = admin;
    }

    /** The topic as the broker knows it; throws when the broker did not answer. */
    Topic lookUp(String topic) {
        Topic cached = known.get(topic);
        if (cached != null && System.nanoTime() - cached.checkedAtNanos() < FORGET_AFTER.toNanos()) {
            return cached;
        }
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Optional<String> reason = BrokerRefusals.finalRefusal(e.getCause());
            if (reason.isPresent()) {
                return new Topic(reason, OptionalInt.empty(), System.nanoTime());
            }
            throw new IllegalStateException("the broker did not say whether topic " + topic + " exists", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not say whether topic " + topic + " exists", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Topic found = new Topic(Optional.empty(), maxMessageBytes(topic), System.nanoTime());
        known.put(topic, found);
        return found;
    }

    /** A send to the topic timed out: look it up again next time, it may have been deleted or changed. */
    void forget(String topic) {
        known.remove(topic);
    }

    /** An operator re-queued parked rows, likely after raising a limit or creating a topic: ask again. */
    void forgetAll() {
        known.clear();
    }

    /** Best effort: a principal that may write a topic need not be allowed to read its configuration. */
    private OptionalInt maxMessageBytes(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
            ConfigEntry limit = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return limit == null || limit.value() == null ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(limit.value()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
