package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.testing.SuitePlatformResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The saga under a broker outage and a change of configuration. */
@QuarkusTest
class DsrSagaFaultTest extends RequestTestBase {

    @Inject
    ParticipantTaskRepository tasks;

    @Inject
    DsrConfig config;

    @Test
    void brokerOutageSpendsNoAttemptAndFlagsNothingUntilTheCommandIsPublished() throws Exception {
        SuitePlatformResource.stopBroker();
        UUID id;
        try {
            id = verifiedErasure(newEmail());
            // One attempt left: a single silence counted during the outage would flag the request.
            QuarkusTransaction.requiringNew().run(() -> requests.update("attempts = ?1 where id = ?2",
                    config.maxAttempts(), id));
            // Several timeouts (3 s) and checks (1 s) pass while the command cannot leave the outbox.
            org.awaitility.Awaitility.await("the participants never had the command: still in progress")
                    .during(config.participantTimeout().multipliedBy(3)).atMost(config.participantTimeout().multipliedBy(5))
                    .until(() -> "IN_PROGRESS".equals(view(id).getString("status")));
            assertEquals(config.maxAttempts(), QuarkusTransaction.requiringNew().call(() -> requests.findById(id).attempts));
        } finally {
            SuitePlatformResource.startBrokerAgain();
        }
        // Once published, the participants' silence counts again: with no attempt left the request is flagged.
        awaitTrue("the command is published", WAIT, () -> !DsrRetryTest.commandsOf(id).isEmpty());
        awaitTrue("silence after publication is flagged", WAIT,
                () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));
    }

    @Test
    void completionFollowsTheRequestsOwnTasksNotTodaysParticipants() {
        String email = newEmail();
        UUID id = verifiedErasure(email);
        String key = subjectKeys.forEmail(email);
        // As if the request had been recorded when the participants were contact and consent only: today's
        // configuration also names retention-service, which this request must not wait for.
        QuarkusTransaction.requiringNew().run(() -> tasks.deleteById(new ParticipantTask.Key(id, "retention-service")));

        reply(key, id, "contact-service", DsrOutcome.DONE, 1, null);
        reply(key, id, "consent-service", DsrOutcome.DONE, 2, null);
        awaitTrue("the request completes on its own two tasks", WAIT,
                () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(2, view(id).getInt("participants.find { it.service == 'consent-service' }.recordCount"));
    }
}
