package eu.privacysuite.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.PoisonMessages;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErasureTest {

    @Inject
    ProspectRepository prospects;

    @Inject
    ContactRequestRepository requests;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    ObjectMapper mapper;

    @Inject
    MockMailbox mailbox;

    @Test
    void erasureRemovesProspectAndRepliesAndADuplicateGetsTheSameReply() throws Exception {
        String email = "erase.me." + UUID.randomUUID() + "@example.fr";
        for (int i = 0; i < 2; i++) {
            Api.send(Api.form(email, "Erased", "0553692200", null)).then().statusCode(201);
        }
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        // A minor's held request and a newsletter subscription of the same subject go too.
        Api.send(MinorsTest.minorForm(email, Api.uniqueEmail("parent"), null)).then().statusCode(201);
        NewsletterTest.subscribe(email);
        String subjectKey = subjectKeys.forEmail(email);
        Api.await("the mails queued for the subject", Duration.ofSeconds(10), () -> Api.count(
                "select count(n) from NewsletterSubscription n where n.subjectKey = ?1", subjectKey) == 1 ? true : null);
        UUID requestId = UUID.randomUUID();
        EventEnvelope command = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "test",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, List.of(), null)));
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));

        var reply = bus.await(Topics.dsrReplies("contact-service"), r -> r.value().contains(requestId.toString()), Duration.ofSeconds(30));
        var data = mapper.readTree(reply.value()).get("data");
        assertEquals("DONE", data.get("outcome").asText());
        assertEquals("contact-service", data.get("service").asText());
        assertEquals(5, data.get("recordCount").asLong(), "one prospect, three contact requests, one subscription");
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> prospects.count("subjectKey", subjectKey)));
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> requests.count("subjectKey", subjectKey)));
        for (String entity : List.of("NewsletterSubscription", "ConfirmationToken", "OutgoingMail")) {
            assertEquals(0, Api.count("select count(e) from " + entity + " e where e.subjectKey = ?1", subjectKey), entity);
        }
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains("RECORD_DELETED") && subjectKey.equals(r.key()),
                Duration.ofSeconds(20));

        // The same command delivered again: nothing more is done, and the same reply is sent again.
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));
        List<String> replies = bus.awaitValues(Topics.dsrReplies("contact-service"), v -> v.contains(requestId.toString()), 2,
                Duration.ofSeconds(30));
        assertEquals(2, replies.size());
        assertTrue(replies.get(1).contains("\"recordCount\":5"), "the duplicate is answered with the first reply");
    }

    @Test
    void erasureOfAnUnknownSubjectRepliesNothingFound() throws Exception {
        UUID requestId = UUID.randomUUID();
        String subjectKey = subjectKeys.forEmail("nobody." + requestId + "@example.fr");
        EventEnvelope command = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "test",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, List.of(), null)));
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(command));
        var reply = bus.await(Topics.dsrReplies("contact-service"), r -> r.value().contains(requestId.toString()), Duration.ofSeconds(30));
        assertEquals("NOTHING_FOUND", mapper.readTree(reply.value()).get("data").get("outcome").asText());
    }

    @Test
    void badCommandsAreDeadLetteredWithAReasonAndTheCommandBehindThemIsAnswered() throws Exception {
        UUID requestId = UUID.randomUUID();
        String subjectKey = subjectKeys.forEmail("poison." + requestId + "@example.fr");
        EventEnvelope valid = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "test",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, DsrAction.ERASURE, List.of(), null)));
        EventEnvelope withoutAction = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(),
                "test", requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, null, List.of(), null)));
        List<String> poison = new java.util.ArrayList<>(PoisonMessages.from(mapper, valid));
        poison.add(mapper.writeValueAsString(withoutAction));
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        PoisonMessages.send(bus, Topics.DSR_COMMANDS, subjectKey, poison);
        bus.send(Topics.DSR_COMMANDS, subjectKey, mapper.writeValueAsString(valid));

        var reply = bus.await(Topics.dsrReplies("contact-service"), r -> r.value().contains(requestId.toString()), Duration.ofSeconds(30));
        assertEquals("NOTHING_FOUND", mapper.readTree(reply.value()).get("data").get("outcome").asText());
        PoisonMessages.assertDeadLettered(bus, Topics.DSR_COMMANDS, subjectKey, poison.size());
    }
}
