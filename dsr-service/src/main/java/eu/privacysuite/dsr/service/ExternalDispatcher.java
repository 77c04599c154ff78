package eu.privacysuite.dsr.service;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.service.ExternalDeliveries.Outgoing;
import eu.privacysuite.shared.external.SignedPost;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the due commands to the external participants (decision 0042), each a signed HTTP POST made outside any
 * transaction, with the JDK's {@link HttpClient}: the claim, then the exchange, then what it gave, each recorded on
 * its own. Also flags the requests an external participant has left unanswered too long, and forgets the callback
 * signatures older than the replay window.
 */
@ApplicationScoped
public class ExternalDispatcher {

    private static final Logger LOG = Logger.getLogger(ExternalDispatcher.class);
    private static final int BATCH = 20;
    /** An answer larger than this is not read: the participant is told so by a FAILED outcome. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final ExternalDeliveries deliveries;
    private final ExternalParticipants participants;
    private final Clock clock;
    private final HttpClient http = SignedPost.client();

    public ExternalDispatcher(ExternalDeliveries deliveries, ExternalParticipants participants, Clock clock) {
        this.deliveries = deliveries;
        this.participants = participants;
        this.clock = clock;
    }

    @Scheduled(identity = "dsr-external-delivery", every = "${dsr.external.send-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (participants.names().isEmpty()) {
            return;
        }
        List<Outgoing> due = deliveries.claimDue(BATCH);
        for (Outgoing o : due) {
            try {
                send(o);
            } catch (RuntimeException e) {
                // The claim's lease runs out and the delivery is sent again.
                LOG.warnf("request %s: the exchange with %s could not be recorded: %s", o.requestId(),
                        o.participant(), e.getClass().getSimpleName());
            }
        }
        deliveries.flagSilent(100);
        deliveries.forgetSightingsBefore(Instant.now(clock).minus(participants.config().replayWindow()).minusSeconds(60));
    }

    private void send(Outgoing o) {
        SignedPost.Outcome outcome = SignedPost.send(http, o.endpoint(), o.timeout(), o.key(), o.body(),
                Instant.now(clock), MAX_ANSWER_BYTES);
        if (outcome instanceof SignedPost.Fault fault) {
            deliveries.fault(o, fault.what());
        } else if (outcome instanceof SignedPost.Answer answer && answer.body().length > MAX_ANSWER_BYTES) {
            deliveries.responded(o, 200, "{\"too-large\":true}".getBytes(StandardCharsets.US_ASCII));
        } else if (outcome instanceof SignedPost.Answer answer) {
            deliveries.responded(o, answer.status(), answer.body());
        }
    }
}
