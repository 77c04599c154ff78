package eu.privacysuite.dsr.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.dsr.service.ReplyCollector;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The participants' answers to the DSR commands. */
@ApplicationScoped
public class DsrReplyConsumer extends EventConsumer<DsrReply> {

    private final ReplyCollector replies;

    public DsrReplyConsumer(ConsumerSkeleton skeleton, ReplyCollector replies) {
        super(skeleton, Topics.DSR_REPLIES, EventTypes.DSR_REPLY, DsrReply.class);
        this.replies = replies;
    }

    @Incoming(Topics.DSR_REPLIES)
    @Blocking(ordered = true)
    public void onReply(String value) {
        consume(value);
    }

    @Override
    protected void validate(EventEnvelope envelope, DsrReply reply) {
        if (reply.requestId() == null || reply.service() == null || reply.outcome() == null) {
            throw new MalformedEventException("DSR reply without request, service or outcome");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, DsrReply reply) {
        replies.record(envelope.eventId(), reply);
    }
}
