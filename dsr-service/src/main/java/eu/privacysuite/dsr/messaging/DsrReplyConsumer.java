package eu.privacysuite.dsr.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.dsr.service.BreachPeople;
import eu.privacysuite.dsr.service.ExportParts;
import eu.privacysuite.dsr.service.ReplyCollector;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The participants' answers to the DSR commands, each from the participant's own reply topic (the topic says who
 * sent it), and their answers to the searches for the people of a breach (BreachPeople). A bad reply (unreadable, incomplete, forged, a tampered export part) goes to the DLQ at once; a fault
 * (database down) is retried by the shared ConsumerSkeleton without limit, holding the topic meanwhile.
 */
@ApplicationScoped
public class DsrReplyConsumer extends EventConsumer<DsrReply> {

    private final ReplyCollector replies;
    private final ExportParts exportParts;
    private final BreachPeople breachPeople;

    public DsrReplyConsumer(ConsumerSkeleton skeleton, ReplyCollector replies, ExportParts exportParts,
            BreachPeople breachPeople) {
        super(skeleton, Topics.DSR_REPLIES, EventTypes.DSR_REPLY, DsrReply.class);
        this.replies = replies;
        this.exportParts = exportParts;
        this.breachPeople = breachPeople;
    }

    /** Read in poll batches ({@code batch=true} on the channel): one transaction per batch (decision 0046). */
    @Incoming(Topics.DSR_REPLIES)
    @Blocking(ordered = true)
    public CompletionStage<Void> onReplies(KafkaRecordBatch<String, String> replies) {
        return consumeBatch(replies);
    }

    @Override
    protected void validate(EventEnvelope envelope, DsrReply reply, String receivedOn) {
        if (reply.requestId() == null || reply.service() == null || reply.outcome() == null) {
            throw new MalformedEventException("DSR reply without request, service or outcome");
        }
        // Only the named service's Kafka user can write its reply topic: a reply in another's name is a forgery.
        if (!Topics.replyingService(receivedOn).map(reply.service()::equals).orElse(false)) {
            throw new MalformedEventException("DSR reply in the name of " + reply.service() + " arrived on "
                    + receivedOn + ", which is not " + Topics.dsrReplies(reply.service()));
        }
        // An export part must be numbered within its parts and open in its place: tampered or moved, it is refused.
        exportParts.check(reply);
    }

    @Override
    protected void apply(EventEnvelope envelope, DsrReply reply) {
        // The answer to a breach search (BREACH_SCOPE, decision 0039), or else a request's.
        if (!breachPeople.answer(reply)) {
            replies.record(envelope.eventId(), reply);
        }
    }
}
