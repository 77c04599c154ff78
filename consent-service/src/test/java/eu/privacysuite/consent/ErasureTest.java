package eu.privacysuite.consent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.PoisonMessages;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ErasureTest {

    @Inject
    ConsentProofRepository proofs;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    ObjectMapper mapper;

    @Test
    void erasureDeletesTheLinkedVisitorsProofsAndLinksAndADuplicateGetsTheSameReply() throws Exception {
        String subjectKey = subjectKeys.forEmail("erase.me." + UUID.randomUUID() + "@example.fr");
        JsonPath first = ConsentApi.give("{\"google-analytics\":true}");
        UUID linked = UUID.fromString(first.getString("visitorId"));
        JsonPath second = ConsentApi.give(ConsentApi.DEMO, first.getString("visitorToken"), ConsentApi.CURRENT, "CUSTOM",
                "{\"google-analytics\":false}");
        JsonPath namedProof = ConsentApi.give("{}");
        UUID named = UUID.fromString(namedProof.getString("visitorId"));
        JsonPath bystanderProof = ConsentApi.give("{}");
        UUID bystander = UUID.fromString(bystanderProof.getString("visitorId"));

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        sendLink(bus, subjectKey, linked, Instant.now());
        eventually(() -> Stored.links("visitorId", linked) == 1, "the visitor link is stored");

        UUID requestId = UUID.randomUUID();
        EventEnvelope command = erasure(requestId, subjectKey, List.of(named.toString()));
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));

        JsonNode reply = mapper.readTree(bus.await(Topics.dsrReplies("consent-service"),
                r -> r.value().contains(requestId.toString()), Duration.ofSeconds(30)).value()).get("data");
        assertEquals("DONE", reply.get("outcome").asText());
        assertEquals("consent-service", reply.get("service").asText());
        assertEquals(4, reply.get("recordCount").asLong(), "three consent proofs and one visitor link");
        assertEquals(0, Stored.proofs("visitorId", linked));
        assertEquals(0, Stored.proofs("visitorId", named));
        assertEquals(1, Stored.proofs("visitorId", bystander), "another visitor's consent is untouched");
        assertEquals(0, Stored.links("subjectKey", subjectKey));
        bus.await(Topics.RETENTION_LIFECYCLE, r -> linked.toString().equals(r.key()) && r.value().contains("RECORD_DELETED"),
                Duration.ofSeconds(20));
        ConsentApi.current(ConsentApi.DEMO, first.getString("visitorToken")).then().statusCode(404)
                .contentType("application/problem+json");
        ConsentApi.current(ConsentApi.DEMO, bystanderProof.getString("visitorToken")).then().statusCode(200);
        // Each erased proof is recorded as lawfully deleted (id and hash only), for the digests to account for.
        List<String> erasedIds = List.of(first.getString("id"), second.getString("id"), namedProof.getString("id"));
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> ((Number) proofs.getEntityManager()
                .createNativeQuery("select count(*) from proof_erasure where reason = 'ERASURE'"
                        + " and proof_hash is not null and cast(proof_id as text) in (:ids)")
                .setParameter("ids", erasedIds).getSingleResult()).longValue()));

        // The same command delivered again: nothing more is done, and the same reply is sent again.
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));
        List<String> replies = bus.awaitValues(Topics.dsrReplies("consent-service"), v -> v.contains(requestId.toString()), 2,
                Duration.ofSeconds(30));
        assertEquals(2, replies.size());
        assertTrue(replies.get(1).contains("\"recordCount\":4"), "the duplicate is answered with the first reply");
    }

    @Test
    void linkEventOlderThanAnErasureDoesNotBringTheLinkBackAndDeletesThatVisitorsProofs() throws Exception {
        String subjectKey = subjectKeys.forEmail("erased.before." + UUID.randomUUID() + "@example.fr");
        JsonPath given = ConsentApi.give("{\"facebook\":true}");
        UUID visitor = UUID.fromString(given.getString("visitorId"));
        String proofId = given.getString("id");

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        UUID requestId = UUID.randomUUID();
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(erasure(requestId, subjectKey, List.of())));
        JsonNode reply = mapper.readTree(bus.await(Topics.dsrReplies("consent-service"),
                r -> r.value().contains(requestId.toString()), Duration.ofSeconds(30)).value()).get("data");
        assertEquals("NOTHING_FOUND", reply.get("outcome").asText(), "the visitor was not linked yet");

        // The contact form was sent before the erasure, but its link arrives afterwards (a replay, a lagging topic).
        sendLink(bus, subjectKey, visitor, Instant.now().minus(1, ChronoUnit.HOURS));
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(proofId) && r.value().contains("RECORD_DELETED"),
                Duration.ofSeconds(30));
        assertEquals(0, Stored.links("visitorId", visitor), "erased stays erased: no link");
        assertEquals(0, Stored.proofs("visitorId", visitor));
        ConsentApi.current(ConsentApi.DEMO, given.getString("visitorToken")).then().statusCode(404);
    }

    @Test
    void badLinkEventsAreDeadLetteredWithAReasonAndTheLinkBehindThemIsStoredOnceThoughDeliveredTwice() throws Exception {
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        String subjectKey = subjectKeys.forEmail("poison." + UUID.randomUUID() + "@example.fr");
        UUID visitor = UUID.randomUUID();
        EventEnvelope valid = link(subjectKey, visitor, Instant.now());
        List<String> poison = new java.util.ArrayList<>(PoisonMessages.from(mapper, valid));
        poison.add(mapper.writeValueAsString(link(subjectKey, null, Instant.now())));
        PoisonMessages.send(bus, Topics.SUBJECT_LINKS, subjectKey, poison);
        bus.send(Topics.SUBJECT_LINKS, subjectKey, mapper.writeValueAsString(valid));
        bus.send(Topics.SUBJECT_LINKS, subjectKey, mapper.writeValueAsString(valid));

        PoisonMessages.assertDeadLettered(bus, Topics.SUBJECT_LINKS, subjectKey, poison.size());
        eventually(() -> Stored.links("visitorId", visitor) == 1, "the link behind the poison is stored");
        // A second visitor's link, behind the duplicate: once it is stored, the duplicate has been handled.
        UUID second = UUID.randomUUID();
        sendLink(bus, subjectKey, second, Instant.now());
        eventually(() -> Stored.links("visitorId", second) == 1, "the link behind the duplicate is stored");
        assertEquals(2, Stored.links("subjectKey", subjectKey), "the duplicate added nothing");
    }

    private EventEnvelope erasure(UUID requestId, String subjectKey, List<String> visitorIds) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "test",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, visitorIds, null)));
    }

    private void sendLink(TopicProbe bus, String subjectKey, UUID visitor, Instant occurredAt) throws Exception {
        bus.send(Topics.SUBJECT_LINKS, subjectKey, mapper.writeValueAsString(link(subjectKey, visitor, occurredAt)));
    }

    private EventEnvelope link(String subjectKey, UUID visitor, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.SUBJECT_LINKED, 1, occurredAt, "test",
                UUID.randomUUID().toString(), subjectKey,
                mapper.valueToTree(new SubjectLinked(subjectKey, visitor == null ? null : visitor.toString())));
    }

    private static void eventually(BooleanSupplier condition, String what) {
        await(what).atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
