package eu.privacysuite.shared.messaging;

import java.util.concurrent.CompletionStage;

import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.MalformedEventException;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The one shape of a consumer in the suite: read the envelope, validate it, check the inbox, apply the effect,
 * all by {@link ConsumerSkeleton}; a service gives only its effect. A subclass is an {@code @ApplicationScoped}
 * bean whose {@code @Incoming(topic) @Blocking(ordered = true)} method passes the record's value to
 * {@link #consume(String)}.
 *
 * <p>Only a message that is bad in itself (unparseable, of another type, of a schema version this service
 * cannot read, or refused by {@link #validate} or {@link #apply} with a {@link MalformedEventException}) goes to
 * {@code <topic>.dlq}, the exception's message as its reason: that message must never hold personal data.
 * Anything else thrown is a fault: the same message is tried again, without limit, and nothing behind it moves.
 *
 * @param <T> the record of the envelope's {@code data}
 */
public abstract class EventConsumer<T> {

    private final ConsumerSkeleton skeleton;
    private final String topic;
    private final String type;
    private final Class<T> dataType;

    protected EventConsumer(ConsumerSkeleton skeleton, String topic, String type, Class<T> dataType) {
        this.skeleton = skeleton;
        this.topic = topic;
        this.type = type;
        this.dataType = dataType;
    }

    /** For the CDI client proxy only. */
    protected EventConsumer() {
        this(null, null, null, null);
    }

    /** Handles one record's value; returns once its effect committed, or throws to dead-letter it. */
    protected final void consume(String value) {
        skeleton.consume(this, value, topic);
    }

    /** As {@link #consume(String)}, for a channel that reads several topics: {@code receivedOn} names the record's. */
    protected final void consume(String value, String receivedOn) {
        skeleton.consume(this, value, receivedOn);
    }

    /**
     * Handles a poll batch, for a channel with {@code batch=true} whose {@code @Incoming @Blocking(ordered = true)}
     * method takes the {@link KafkaRecordBatch} and returns this: the good records' effects commit in one
     * transaction, in the batch's order, each bad record alone goes to the DLQ; the stage acknowledges the batch.
     */
    protected final CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch) {
        return skeleton.consumeBatch(this, batch);
    }

    /**
     * Checks that need no database: throw {@link MalformedEventException} (reason without personal data) for an
     * event that can never be applied. Nothing by default.
     */
    protected void validate(EventEnvelope envelope, T data) {
    }

    /** As {@link #validate(EventEnvelope, Object)}, knowing the topic the record came on. */
    protected void validate(EventEnvelope envelope, T data, String receivedOn) {
        validate(envelope, data);
    }

    /** The effect, in the transaction that records the event in the inbox; called once per eventId. */
    protected abstract void apply(EventEnvelope envelope, T data);

    /** An event handled before is delivered again (same transaction rules); by default nothing happens. */
    protected void onDuplicate(EventEnvelope envelope, T data) {
    }

    /** The highest schema version of the envelope's {@code data} this consumer reads. */
    protected int highestVersion() {
        return 1;
    }

    /** The topic, also the name under which the inbox records handled events. */
    public final String topic() {
        return topic;
    }

    final String type() {
        return type;
    }

    final Class<T> dataType() {
        return dataType;
    }
}
