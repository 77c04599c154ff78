package eu.privacysuite.shared.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.inbox.Inbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Runs every {@link EventConsumer}: envelope, validation, inbox, effect. A bad message is thrown back to the
 * connector, which dead-letters it and acknowledges it once the DLQ has the copy. A fault is retried here, with
 * a doubling wait, for as long as it lasts: the record stays unacknowledged, and since consumers are ordered
 * and blocking, no later record of the channel is handled and no offset is committed meanwhile.
 *
 * <p>A channel read in poll batches ({@code batch=true}, {@link #consumeBatch}) pays one transaction and one inbox
 * statement per batch instead of per record. A bad record of the batch is nacked alone (the connector's DLQ takes
 * it); the good ones are applied. A fault holds the whole batch, unacknowledged, and retries it. Each record's
 * changes are flushed and the persistence context cleared before the next record: otherwise every query of a
 * later record (a native query flushes the whole context) dirty-checks every entity the batch has touched so far,
 * which made a batch cost the square of its size (docs/performance.md, "Erasures").
 */
@ApplicationScoped
public class ConsumerSkeleton {

    private static final Logger LOG = Logger.getLogger(ConsumerSkeleton.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final InFlightMessages inFlight;
    private final ConsumerFaults faults;
    private final ConsumerRetryConfig retry;
    private final EntityManager entityManager;

    public ConsumerSkeleton(EventCodec codec, Inbox inbox, InFlightMessages inFlight, ConsumerFaults faults,
            ConsumerRetryConfig retry, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.inbox = inbox;
        this.inFlight = inFlight;
        this.faults = faults;
        this.retry = retry;
    }

    <T> void consume(EventConsumer<T> consumer, String value, String receivedOn) {
        inFlight.handle(() -> {
            try {
                EventEnvelope envelope = read(consumer, value);
                T data = codec.data(envelope, consumer.dataType());
                consumer.validate(envelope, data, receivedOn);
                applyUntilDone(consumer, envelope, data);
            } catch (MalformedEventException bad) {
                faults.recovered(consumer.topic());
                faults.deadLettered(consumer.topic());
                LOG.warnf("bad message on %s sent to the dead-letter topic: %s", consumer.topic(), bad.getMessage());
                throw bad;
            }
        });
    }

    /** A record read and validated, waiting for its effect. */
    private record Parsed<T>(KafkaRecord<String, String> record, EventEnvelope envelope, T data) {
    }

    <T> CompletionStage<Void> consumeBatch(EventConsumer<T> consumer, KafkaRecordBatch<String, String> batch) {
        inFlight.handle(() -> {
            List<Parsed<T>> good = new ArrayList<>();
            Map<KafkaRecord<String, String>, MalformedEventException> bad = new LinkedHashMap<>();
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                try {
                    EventEnvelope envelope = read(consumer, record.getPayload());
                    T data = codec.data(envelope, consumer.dataType());
                    consumer.validate(envelope, data, record.getTopic());
                    good.add(new Parsed<>(record, envelope, data));
                } catch (MalformedEventException e) {
                    bad.put(record, e);
                }
            }
            if (!applyBatchUntilDone(consumer, good)) {
                // A record's effect refused it, and the batch's transaction rolled back: one transaction per record
                // finds which, as a channel read one record at a time would.
                for (Parsed<T> parsed : good) {
                    try {
                        applyUntilDone(consumer, parsed.envelope(), parsed.data());
                    } catch (MalformedEventException e) {
                        bad.put(parsed.record(), e);
                    }
                }
            }
            bad.forEach((record, reason) -> deadLetter(consumer, record, reason));
        });
        return batch.ack();
    }

    /** True once the batch's effects committed; false when its effects showed a bad record (nothing committed). */
    private <T> boolean applyBatchUntilDone(EventConsumer<T> consumer, List<Parsed<T>> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        Duration wait = retry.firstWait();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyBatchOnce(consumer, batch));
                if (faults.failing(consumer.topic())) {
                    LOG.infof("consumer of %s recovered: a batch of %d events applied", consumer.topic(), batch.size());
                    faults.recovered(consumer.topic());
                }
                return true;
            } catch (RuntimeException | Error fault) {
                if (badMessage(fault).isPresent()) {
                    return false;
                }
                faults.failed(consumer.topic(), fault);
                LOG.warnf("consumer of %s met a fault (%s, SQLState %s) on a batch of %d events; retrying in %d ms",
                        consumer.topic(), fault.getClass().getSimpleName(), sqlState(fault), batch.size(),
                        wait.toMillis());
                inFlight.pauseBeforeRetry(wait);
                wait = longer(wait);
            }
        }
    }

    private <T> void applyBatchOnce(EventConsumer<T> consumer, List<Parsed<T>> batch) {
        Set<UUID> fresh = inbox.firstDeliveries(consumer.topic(), batch.stream().map(p -> p.envelope().eventId()).toList());
        for (Parsed<T> parsed : batch) {
            if (fresh.remove(parsed.envelope().eventId())) {
                consumer.apply(parsed.envelope(), parsed.data());
            } else {
                LOG.debugf("event %s on %s delivered again", parsed.envelope().eventId(), consumer.topic());
                consumer.onDuplicate(parsed.envelope(), parsed.data());
            }
            entityManager.flush();
            entityManager.clear();
        }
    }

    /**
     * Hands one bad record of a batch to the channel's dead-letter topic and waits until it has it, trying again
     * while the broker does not take it: the batch is acknowledged only after.
     */
    private void deadLetter(EventConsumer<?> consumer, KafkaRecord<String, String> record, MalformedEventException reason) {
        faults.deadLettered(consumer.topic());
        LOG.warnf("bad message on %s sent to the dead-letter topic: %s", consumer.topic(), reason.getMessage());
        Duration wait = retry.firstWait();
        while (true) {
            try {
                record.nack(reason).toCompletableFuture().get();
                return;
            } catch (ExecutionException e) {
                LOG.warnf("the dead-letter topic of %s did not take a bad message (%s); trying again in %d ms",
                        consumer.topic(), e.getCause().getClass().getSimpleName(), wait.toMillis());
                inFlight.pauseBeforeRetry(wait);
                wait = longer(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering a message", e);
            }
        }
    }

    private <T> void applyUntilDone(EventConsumer<T> consumer, EventEnvelope envelope, T data) {
        Duration wait = retry.firstWait();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, envelope, data));
                if (faults.failing(consumer.topic())) {
                    LOG.infof("consumer of %s recovered: event %s applied", consumer.topic(), envelope.eventId());
                    faults.recovered(consumer.topic());
                }
                return;
            } catch (RuntimeException | Error fault) {
                throwIfBad(fault);
                faults.failed(consumer.topic(), fault);
                // Class names and SQLState only: a fault's message may quote the data.
                LOG.warnf("consumer of %s met a fault (%s, SQLState %s) on event %s; retrying in %d ms",
                        consumer.topic(), fault.getClass().getSimpleName(), sqlState(fault), envelope.eventId(),
                        wait.toMillis());
                inFlight.pauseBeforeRetry(wait);
                wait = longer(wait);
            }
        }
    }

    private Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(retry.longestWait()) > 0 ? retry.longestWait() : doubled;
    }

    private <T> void applyOnce(EventConsumer<T> consumer, EventEnvelope envelope, T data) {
        if (inbox.firstDelivery(consumer.topic(), envelope.eventId())) {
            consumer.apply(envelope, data);
        } else {
            LOG.debugf("event %s on %s delivered again", envelope.eventId(), consumer.topic());
            consumer.onDuplicate(envelope, data);
        }
    }

    private EventEnvelope read(EventConsumer<?> consumer, String value) {
        if (value == null) {
            throw new MalformedEventException("record without a value");
        }
        if (value.contains("\\u0000")) {
            // PostgreSQL refuses NUL in text: such an event could never be stored.
            throw new MalformedEventException("event holds a NUL character");
        }
        EventEnvelope envelope = codec.read(value);
        if (envelope.occurredAt() == null) {
            throw new MalformedEventException("envelope without occurredAt");
        }
        if (!consumer.type().equals(envelope.type())) {
            throw new MalformedEventException("event type is not " + consumer.type());
        }
        if (envelope.version() < 1 || envelope.version() > consumer.highestVersion()) {
            throw new MalformedEventException("schema version " + envelope.version() + " of " + consumer.type()
                    + " is not readable here (highest " + consumer.highestVersion() + ")");
        }
        return envelope;
    }

    /**
     * A failure that the same event meets on every attempt is a bad message: the effect's own refusal (even when
     * wrapped by the transaction), a value the entities' constraints refuse, or SQLState class 22 (data
     * exception: too long, out of range, bad syntax).
     */
    private static void throwIfBad(Throwable fault) {
        Optional<MalformedEventException> bad = badMessage(fault);
        if (bad.isPresent()) {
            throw bad.get();
        }
    }

    private static Optional<MalformedEventException> badMessage(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException bad) {
                return Optional.of(bad);
            }
            if (t instanceof ConstraintViolationException) {
                return Optional.of(
                        new MalformedEventException("a value of the event breaks a constraint of the stored record"));
            }
        }
        String state = sqlState(fault);
        if (state != null && state.startsWith("22")) {
            return Optional.of(
                    new MalformedEventException("a value of the event is refused by the database (" + state + ")"));
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
