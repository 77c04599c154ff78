package eu.privacysuite.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.DsrBus;
import eu.privacysuite.testing.PoisonMessages;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErasureTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    SealedExports sealed;

    @Inject
    MockMailbox mailbox;

    /** Plays dsr-service: sends the commands and reads this service's replies. */
    private DsrBus dsr() {
        return new DsrBus("contact-service", mapper, sealed);
    }

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
        String subjectKey = Api.subjectKey(email);
        Api.await("the mails queued for the subject", Duration.ofSeconds(10), () -> Api.count(
                "select count(n) from NewsletterSubscription n where n.subjectKey = ?1", subjectKey) == 1 ? true : null);
        DsrBus dsr = dsr();
        EventEnvelope command = dsr.command(subjectKey, DsrAction.ERASURE, List.of(), null);
        dsr.send(command);

        JsonNode data = dsr.replies(command, 1).get(0);
        assertEquals("DONE", data.get("outcome").asText());
        assertEquals("contact-service", data.get("service").asText());
        assertEquals(5, data.get("recordCount").asLong(), "one prospect, three contact requests, one subscription");
        for (String entity : List.of("Prospect", "ContactRequest", "NewsletterSubscription", "ConfirmationToken",
                "OutgoingMail")) {
            assertEquals(0, Api.count("select count(e) from " + entity + " e where e.subjectKey = ?1", subjectKey), entity);
        }
        dsr.bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains("RECORD_DELETED") && subjectKey.equals(r.key()),
                Duration.ofSeconds(20));

        // The same command delivered again: nothing more is done, and the same reply is sent again.
        dsr.send(command);
        List<JsonNode> replies = dsr.replies(command, 2);
        assertEquals(2, replies.size());
        assertEquals(5, replies.get(1).get("recordCount").asLong(), "the duplicate is answered with the first reply");
    }

    @Test
    void erasureOfAnUnknownSubjectRepliesNothingFound() throws Exception {
        String subjectKey = Api.subjectKey(Api.uniqueEmail("nobody"));
        assertEquals("NOTHING_FOUND", dsr().act(subjectKey, DsrAction.ERASURE, null).get("outcome").asText());
    }

    @Test
    void badCommandsAreDeadLetteredWithAReasonAndTheCommandBehindThemIsAnswered() throws Exception {
        String subjectKey = Api.subjectKey(Api.uniqueEmail("poison"));
        DsrBus dsr = dsr();
        EventEnvelope valid = dsr.command(subjectKey, DsrAction.ERASURE, List.of(), null);
        UUID requestId = UUID.fromString(valid.correlationId());
        EventEnvelope withoutAction = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(),
                "test", valid.correlationId(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, null, List.of(), null)));
        List<String> poison = new java.util.ArrayList<>(PoisonMessages.from(mapper, valid));
        poison.add(mapper.writeValueAsString(withoutAction));
        PoisonMessages.send(dsr.bus, Topics.DSR_COMMANDS, subjectKey, poison);
        dsr.send(valid);

        assertEquals("NOTHING_FOUND", dsr.replies(valid, 1).get(0).get("outcome").asText());
        PoisonMessages.assertDeadLettered(dsr.bus, Topics.DSR_COMMANDS, subjectKey, poison.size());
    }
}
