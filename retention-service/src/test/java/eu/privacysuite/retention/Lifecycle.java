package eu.privacysuite.retention;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Sends lifecycle events as an owning service would, and watches the ledger they keep. */
final class Lifecycle {

    private final ObjectMapper mapper;
    private final LedgerEntryRepository ledger;
    final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());

    Lifecycle(ObjectMapper mapper, LedgerEntryRepository ledger) {
        this.mapper = mapper;
        this.ledger = ledger;
    }

    static EventEnvelope clock(String subjectKey, String service, String category, String recordId, ClockEvent event,
            Instant at, ObjectMapper mapper) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.RETENTION_CLOCK, 1, Instant.now(), service, recordId,
                subjectKey, mapper.valueToTree(new RetentionClock(service, category, recordId, event, at)));
    }

    EventEnvelope clock(String subjectKey, String service, String category, String recordId, ClockEvent event,
            Instant at) {
        return clock(subjectKey, service, category, recordId, event, at, mapper);
    }

    /** Sends under the subject key as Kafka key (as the owners do), so events of one subject stay in order. */
    void send(String key, EventEnvelope envelope) {
        try {
            bus.send(Topics.RETENTION_LIFECYCLE, key, mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<LedgerEntry> entry(String service, String category, String recordId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findRecord(service, category, recordId));
    }

    LedgerEntry awaitEntry(String service, String category, String recordId, Predicate<LedgerEntry> match) {
        return await("a matching ledger entry for " + category + " " + recordId).atMost(Duration.ofSeconds(30))
                .until(() -> entry(service, category, recordId), e -> e.isPresent() && match.test(e.get())).get();
    }

    void awaitGone(String service, String category, String recordId) {
        await("the ledger entry for " + category + " " + recordId + " to go").atMost(Duration.ofSeconds(30))
                .until(() -> entry(service, category, recordId).isEmpty());
    }

    /**
     * Sends a fresh PROSPECT COLLECTED event under the same Kafka key and waits for its entry: the consumer
     * handles a partition in order, so every event sent before under that key has been handled too.
     */
    void barrier(String key, String subjectKey) {
        String recordId = "barrier-" + UUID.randomUUID();
        send(key, clock(subjectKey, "contact-service", "PROSPECT", recordId, ClockEvent.COLLECTED, Instant.now()));
        awaitEntry("contact-service", "PROSPECT", recordId, e -> true);
    }
}
