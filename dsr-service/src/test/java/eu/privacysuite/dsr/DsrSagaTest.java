package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.replyOn;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.PoisonMessages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The saga against the real broker: the test plays the participants by answering on their privacy.dsr.replies.<service> topics. */
@QuarkusTest
class DsrSagaTest extends RequestTestBase {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    DsrConfig config;

    @Test
    void requestCompletesOnlyWhenEveryParticipantHasReplied() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);

        reply(key, id, "contact-service", DsrOutcome.DONE, 3, null);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("two replies recorded", WAIT, () -> replied(view(id)) == 2);
        JsonPath twoOfThree = view(id);
        assertEquals("IN_PROGRESS", twoOfThree.getString("status"), "retention-service has not answered");
        assertNull(twoOfThree.get("completedAt"));

        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        JsonPath done = view(id);
        assertNotNull(done.get("completedAt"));
        assertEquals(List.of("NOTHING_FOUND", "DONE", "DONE"), done.getList("participants.outcome"));
        assertEquals(List.of(0, 3, 1), done.getList("participants.recordCount"));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("completed")));
    }

    @Test
    void refusedReplyLeavesTheRequestNeedingAttention() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 2, null);
        reply(key, id, "consent-service", DsrOutcome.REFUSED, 0, "consent proofs are kept while the consent is valid");
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);

        awaitTrue("every reply recorded", WAIT, () -> replied(view(id)) == 3);
        JsonPath answered = view(id);
        assertEquals("NEEDS_ATTENTION", answered.getString("status"));
        assertNull(answered.get("completedAt"));
        assertEquals("REFUSED", answered.getString("participants.find { it.service == 'consent-service' }.outcome"));
        assertEquals("consent proofs are kept while the consent is valid",
                answered.getString("participants.find { it.service == 'consent-service' }.reason"));
    }

    @Test
    void duplicateAndStrayRepliesChangeNothing() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        EventEnvelope first = reply(key, id, "contact-service", DsrOutcome.DONE, 3, null);
        // The same event again, even with other data, is a duplicate: its eventId was handled.
        DsrApi.send(Topics.dsrReplies(first.producer()), key, new EventEnvelope(first.eventId(), first.type(), 1, first.occurredAt(), first.producer(),
                first.correlationId(), key, DsrApi.MAPPER.valueToTree(
                        new DsrReply(id, "contact-service", DsrOutcome.FAILED, 9, null, "duplicate"))));
        // A new answer from a participant that already answered, one for an unknown request, and one in a stranger's
        // name, which is dead-lettered: contact-service's topic carries contact-service's replies only.
        reply(key, id, "contact-service", DsrOutcome.FAILED, 7, "second answer");
        reply(key, UUID.randomUUID(), "contact-service", DsrOutcome.DONE, 1, null);
        EventEnvelope stranger = replyOn(Topics.dsrReplies("contact-service"), key, id, "billing-service",
                DsrOutcome.DONE, 5, null);
        // Same topic, same key, same partition: once the last one is dead-lettered, the ones before it were handled.
        DsrApi.bus().await(Topics.deadLetter(Topics.DSR_REPLIES),
                r -> r.value().contains(stranger.eventId().toString()), WAIT);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);

        awaitTrue("consent-service's reply recorded", WAIT, () -> replied(view(id)) == 2);
        JsonPath after = view(id);
        assertEquals("IN_PROGRESS", after.getString("status"));
        assertEquals(3, after.getList("participants").size(), "a stranger does not become a participant");
        assertEquals("DONE", after.getString("participants.find { it.service == 'contact-service' }.outcome"));
        assertEquals(3, after.getInt("participants.find { it.service == 'contact-service' }.recordCount"));
        assertEquals(1, DsrApi.auditOf(id).stream().filter(e -> e.contains("contact-service replied")).count());
    }

    @Test
    void silentParticipantGetsTheSameCommandAgain() throws Exception {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 1, null);
        awaitTrue("contact-service's reply recorded", WAIT, () -> replied(view(id)) == 1);

        awaitTrue("the command is sent again", WAIT, () -> commandsOf(id).size() >= 2);
        List<ConsumerRecord<String, String>> sent = commandsOf(id);
        String firstEventId = DsrApi.MAPPER.readTree(sent.get(0).value()).get("eventId").asText();
        for (ConsumerRecord<String, String> record : sent) {
            assertEquals(firstEventId, DsrApi.MAPPER.readTree(record.value()).get("eventId").asText(),
                    "participants deduplicate a re-sent command by its eventId");
            assertEquals(key, record.key());
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> requests.findById(id).attempts) >= 2);
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("command sent again") && e.contains("retention-service")
                && !e.contains("contact-service")), "the audit names the silent participants only");
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("privacy_dsr_commands_resent_total"))
                .body(containsString("privacy_dsr_requests_open"))
                .body(containsString("privacy_dsr_requests_overdue"));
    }

    @Test
    void requestStillSilentAfterTheLastAttemptNeedsAttentionAndALateReplyStillCounts() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        QuarkusTransaction.requiringNew().run(() -> requests.update("attempts = ?1 where id = ?2", config.maxAttempts(), id));

        awaitTrue("the silent request is flagged", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
        assertEquals(0, replied(view(id)));
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("no answer from")));
        int sendsWhenFlagged = commandsOf(id).size();

        reply(key, id, "contact-service", DsrOutcome.DONE, 1, null);
        reply(key, id, "consent-service", DsrOutcome.DONE, 1, null);
        reply(key, id, "retention-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("the late replies complete the request", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(sendsWhenFlagged, commandsOf(id).size(), "a flagged request is not sent again");
    }

    @Test
    void badRepliesAreDeadLetteredWithAReasonAndTheReplyBehindThemIsRecorded() throws Exception {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        EventEnvelope valid = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_REPLY, 1, Instant.now(),
                "contact-service", id.toString(), key,
                DsrApi.MAPPER.valueToTree(new DsrReply(id, "contact-service", DsrOutcome.DONE, 2, null, null)));
        List<String> poison = new ArrayList<>(PoisonMessages.from(DsrApi.MAPPER, valid));
        poison.add(DsrApi.MAPPER.writeValueAsString(new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_REPLY, 1,
                Instant.now(), "contact-service", id.toString(), key,
                DsrApi.MAPPER.valueToTree(new DsrReply(id, "contact-service", null, 2, null, null)))));
        PoisonMessages.send(DsrApi.bus(), Topics.dsrReplies("contact-service"), key, poison);
        DsrApi.send(Topics.dsrReplies("contact-service"), key, valid);

        awaitTrue("the reply behind the poison is recorded", WAIT, () -> replied(view(id)) == 1);
        PoisonMessages.assertDeadLettered(DsrApi.bus(), Topics.DSR_REPLIES, key, poison.size());
    }

    @Test
    void replyInAnotherParticipantsNameIsDeadLetteredAndChangesNothing() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        // contact-service's Kafka user may write only its own reply topic; there it claims to speak for consent-service.
        EventEnvelope forged = replyOn(Topics.dsrReplies("contact-service"), key, id, "consent-service",
                DsrOutcome.DONE, 0, null);

        ConsumerRecord<String, String> parked = DsrApi.bus().await(Topics.deadLetter(Topics.DSR_REPLIES),
                r -> r.value().contains(forged.eventId().toString()), WAIT);
        String reason = new String(parked.headers().lastHeader("dead-letter-reason").value(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(reason.contains("consent-service") && reason.contains(Topics.dsrReplies("contact-service")), reason);
        // Its own answer on its own topic still counts, and consent-service is still awaited.
        reply(key, id, "contact-service", DsrOutcome.DONE, 1, null);
        awaitTrue("contact-service's own reply recorded", WAIT, () -> replied(view(id)) == 1);
        assertEquals("PENDING", view(id).getString("participants.find { it.service == 'consent-service' }.status"));
    }

    @Test
    void malformedReplyGoesToTheDeadLetterTopic() {
        String marker = UUID.randomUUID().toString();
        DsrApi.bus().send(Topics.dsrReplies("contact-service"), marker, "{\"not\":\"an envelope " + marker + "\"}");
        DsrApi.bus().await(Topics.deadLetter(Topics.DSR_REPLIES), r -> marker.equals(r.key()), WAIT);
    }

    private static int replied(JsonPath view) {
        return (int) view.getList("participants.status").stream().filter("REPLIED"::equals).count();
    }


    private static List<ConsumerRecord<String, String>> commandsOf(UUID id) {
        return DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().filter(r -> r.value().contains(id.toString())).toList();
    }
}
