package eu.privacysuite.dsr.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.dsr.service.ReplyCollector;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.InFlightMessages;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The participants' answers to the DSR commands, each from the participant's own reply topic (the topic says who
 * sent it); after bounded retries a reply goes to the DLQ.
 */
@ApplicationScoped
public class DsrReplyConsumer {

    private final InFlightMessages inFlight;
    private final ReplyCollector replies;

    public DsrReplyConsumer(ReplyCollector replies, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.replies = replies;
    }

    @Incoming(Topics.DSR_REPLIES)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onReply(ConsumerRecord<String, String> reply) {
        inFlight.handle(() -> replies.record(reply.value(), reply.topic()));
    }
}
