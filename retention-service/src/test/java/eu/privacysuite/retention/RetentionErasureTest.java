package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RetentionErasureTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerEntryRepository ledger;

    @Test
    void erasureDeletesTheSubjectsEntriesAndRepliesDoneWithTheCount() throws Exception {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String subjectKey = "subject-" + UUID.randomUUID();
        String prospect = UUID.randomUUID().toString();
        String newsletter = UUID.randomUUID().toString();
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, "contact-service", "PROSPECT", prospect,
                ClockEvent.COLLECTED, Instant.now()));
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, "contact-service", "NEWSLETTER", newsletter,
                ClockEvent.UNSUBSCRIBED, Instant.now()));
        lifecycle.awaitEntry("contact-service", "PROSPECT", prospect, e -> true);
        lifecycle.awaitEntry("contact-service", "NEWSLETTER", newsletter, e -> true);

        JsonNode reply = erase(lifecycle, subjectKey, Instant.now());
        assertEquals("DONE", reply.get("outcome").asText());
        assertEquals("retention-service", reply.get("service").asText());
        assertEquals(2, reply.get("recordCount").asLong());
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> ledger.count("subjectKey", subjectKey)));
    }

    @Test
    void erasureOfAnUnknownSubjectRepliesNothingFound() throws Exception {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        JsonNode reply = erase(lifecycle, "subject-" + UUID.randomUUID(), Instant.now());
        assertEquals("NOTHING_FOUND", reply.get("outcome").asText());
        assertEquals(0, reply.get("recordCount").asLong());
    }

    @Test
    void aLifecycleEventOlderThanAnErasureDoesNotBringTheEntryBack() throws Exception {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        String subjectKey = "subject-" + UUID.randomUUID();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        erase(lifecycle, subjectKey, erasedAt);

        // A replay of the bus delivers a contact made an hour before the erasure.
        String replayed = UUID.randomUUID().toString();
        lifecycle.send(subjectKey, lifecycle.clock(subjectKey, "contact-service", "PROSPECT", replayed,
                ClockEvent.COLLECTED, erasedAt.minus(1, ChronoUnit.HOURS)));
        // The person comes back after the erasure: that clock starts (and shows the replay was handled).
        lifecycle.barrier(subjectKey, subjectKey);

        assertTrue(lifecycle.entry("contact-service", "PROSPECT", replayed).isEmpty(), "erased stays erased");
    }

    private JsonNode erase(Lifecycle lifecycle, String subjectKey, Instant at) throws Exception {
        UUID requestId = UUID.randomUUID();
        EventEnvelope command = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, at, "test",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, List.of(), null)));
        lifecycle.bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));
        ConsumerRecord<String, String> reply = lifecycle.bus.await(Topics.dsrReplies("retention-service"),
                r -> r.value().contains(requestId.toString()) && r.value().contains("retention-service"),
                Duration.ofSeconds(30));
        return mapper.readTree(reply.value()).get("data");
    }
}
