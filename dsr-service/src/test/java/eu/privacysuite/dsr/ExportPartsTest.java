package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.exportReply;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static eu.privacysuite.dsr.RequestFixtures.record;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.seal.SealedFields;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Exports that arrive in parts: reassembled whatever their order, and a part that is not what it claims refused. */
@QuarkusTest
class ExportPartsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    SealedFields sealedFields;

    @Inject
    ObjectMapper mapper;

    @Inject
    RequestFixtures fixtures;

    @Test
    void exportInPartsCountsOnlyOnceEveryPartIsInAndIsReassembledWhateverTheOrder() throws IOException {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.PORTABILITY, key);
        SubjectExport export = largeExport(40);
        List<String> parts = smallParts().seal(id, "contact-service", export);
        assertTrue(parts.size() >= 3, "the export is cut in " + parts.size() + " part(s)");
        int n = parts.size();

        // The last part first, then the first one twice (a redelivery): the participant has not answered yet.
        exportReply(key, id, "contact-service", 40, parts.get(n - 1), n - 1, n);
        exportReply(key, id, "contact-service", 40, parts.get(0), 0, n);
        exportReply(key, id, "contact-service", 40, parts.get(0), 0, n);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("consent-service's answer recorded", WAIT, () -> "REPLIED".equals(status(id, "consent-service")));
        assertEquals("PENDING", status(id, "contact-service"), "parts are missing");
        assertEquals(2, fixtures.storedParts(id), "a part delivered twice is stored once");

        for (int i = 1; i < n - 1; i++) {
            exportReply(key, id, "contact-service", 40, parts.get(i), i, n);
        }
        awaitTrue("contact-service has answered", WAIT, () -> "REPLIED".equals(status(id, "contact-service")));
        assertEquals(40, view(id).getInt("participants.find { it.service == 'contact-service' }.recordCount"));
        reply(key, id, "retention-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        byte[] zip = given().auth().oauth2(TestTokens.controller()).get("/api/requests/" + id + "/package").then()
                .statusCode(200).extract().asByteArray();
        Map<String, String> entries = RequestResultsTest.unzip(zip);
        JsonNode records = DsrApi.MAPPER.readTree(entries.get("export.json")).get("services").get(0)
                .get("categories").get(0).get("records");
        assertEquals(40, records.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, records.get(i).get("number").asInt());
            assertEquals(note(i), records.get(i).get("note").asText());
        }
        List<Map<String, String>> rows = RequestResultsTest.csv(entries.get("contact-service/contact-request.csv"));
        assertEquals(40, rows.size());
        assertEquals(note(39), rows.get(39).get("note"));
    }

    @Test
    void tamperedMisplacedOrMisnumberedPartsAreDeadLetteredAndTheGenuineAnswerStillCounts() throws IOException {
        String key = subjectKeys.forEmail(newEmail());
        UUID id = fixtures.inProgress(DsrAction.ACCESS, key);
        UUID other = fixtures.inProgress(DsrAction.ACCESS, key);
        SubjectExport export = largeExport(20);
        List<String> genuine = smallParts().seal(id, "contact-service", export);
        int n = genuine.size();
        assertTrue(n >= 2);

        List<EventEnvelope> bad = new ArrayList<>();
        String tampered = genuine.get(0).substring(0, 20) + (genuine.get(0).charAt(20) == 'A' ? 'B' : 'A')
                + genuine.get(0).substring(21);
        bad.add(exportReply(key, id, "contact-service", 20, tampered, 0, n));
        // Sealed for another request, for another place, or as another service's: each opens only where it belongs.
        bad.add(exportReply(key, id, "contact-service", 20, smallParts().seal(other, "contact-service", export).get(0), 0, n));
        bad.add(exportReply(key, id, "contact-service", 20, genuine.get(1), 0, n));
        bad.add(exportReply(key, id, "contact-service", 20, smallParts().seal(id, "consent-service", export).get(0), 0, n));
        // Numbered outside its parts, or an export without a number of parts.
        bad.add(exportReply(key, id, "contact-service", 20, genuine.get(0), n, n));
        bad.add(exportReply(key, id, "contact-service", 20, genuine.get(0), 0, 0));
        // A part announcing another number of parts than the parts already stored.
        exportReply(key, id, "contact-service", 20, genuine.get(0), 0, n);
        List<String> threeParts = smallParts().seal(id, "contact-service", largeExport(30));
        assertTrue(threeParts.size() != n);
        bad.add(exportReply(key, id, "contact-service", 20, threeParts.get(1), 1, threeParts.size()));

        List<String> reasons = new ArrayList<>();
        for (EventEnvelope envelope : bad) {
            ConsumerRecord<String, String> parked = DsrApi.bus().await(Topics.deadLetter(Topics.DSR_REPLIES),
                    r -> r.value().contains(envelope.eventId().toString()), WAIT);
            reasons.add(new String(parked.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
        }
        assertEquals(4, reasons.stream().filter(r -> r.startsWith("DSR export part cannot be opened")).count(), reasons.toString());
        assertTrue(reasons.get(4).contains("outside its number of parts"), reasons.get(4));
        assertTrue(reasons.get(5).contains("no number of export parts"), reasons.get(5));
        assertTrue(reasons.get(6).contains("disagree on their number"), reasons.get(6));
        assertTrue(reasons.stream().noneMatch(r -> r.contains(key) || r.contains("note")), "reasons quote nothing");
        assertEquals(1, fixtures.storedParts(id), "only the genuine part 0 is stored");
        assertEquals("PENDING", status(id, "contact-service"));

        for (int i = 1; i < n; i++) {
            exportReply(key, id, "contact-service", 20, genuine.get(i), i, n);
        }
        awaitTrue("the genuine export completes contact-service's answer", WAIT,
                () -> "REPLIED".equals(status(id, "contact-service")));
        assertEquals(n, fixtures.storedParts(id));
    }

    /** Parts of 1024 characters, the smallest the contract allows, so that a test export needs several. */
    private SealedExports smallParts() {
        return new SealedExports(sealedFields, mapper, 1024);
    }

    private static SubjectExport largeExport(int records) {
        return new SubjectExport("contact-service", List.of(new ExportCategory("contact-request", "Contact requests",
                "PROSPECT", "Answering your requests", "Legitimate interest", "The contact form", List.of(),
                IntStream.range(0, records).mapToObj(i -> record("number", i, "note", note(i))).toList())));
    }

    private static String note(int i) {
        return "Message " + i + " about the order, with accents: éàü, and a long enough text to fill the parts.";
    }

    private static String status(UUID id, String service) {
        return view(id).getString("participants.find { it.service == '" + service + "' }.status");
    }
}
