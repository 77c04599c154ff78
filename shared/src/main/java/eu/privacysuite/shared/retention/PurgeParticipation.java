package eu.privacysuite.shared.retention;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;
import eu.privacysuite.shared.outbox.Outbox;

/**
 * An owner's side of a purge: apply an order once, report through the outbox in the same transaction, and answer
 * a re-sent order with the report it got the first time. Orders addressed to another service are ignored.
 */
@ApplicationScoped
public class PurgeParticipation {

    private static final Logger LOG = Logger.getLogger(PurgeParticipation.class);
    private static final String CONSUMER = Topics.RETENTION_PURGES;

    private final EventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;

    public PurgeParticipation(EventCodec codec, Inbox inbox, Outbox outbox) {
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /** The report sent, or empty when the order is addressed to another service. */
    @Transactional
    public Optional<PurgeReport> handle(String value, PurgeParticipant participant) {
        EventEnvelope envelope = codec.read(value);
        PurgeOrder order = codec.data(envelope, PurgeOrder.class);
        if (order.orderId() == null || order.service() == null || order.category() == null || order.action() == null
                || order.recordIds() == null || order.clockStartedUpTo() == null) {
            throw new MalformedEventException("PurgeOrder without orderId, service, category, action, recordIds or clockStartedUpTo");
        }
        if (!order.service().equals(participant.service())) {
            return Optional.empty();
        }
        PurgeReport report;
        if (inbox.firstDelivery(CONSUMER, envelope.eventId())) {
            report = apply(order, participant);
            inbox.rememberReply(CONSUMER, envelope.eventId(), codec.writeData(report));
        } else {
            report = inbox.reply(CONSUMER, envelope.eventId()).map(r -> codec.readData(r, PurgeReport.class))
                    .orElseGet(() -> apply(order, participant));
            LOG.infof("purge order %s delivered again: reporting again", order.orderId());
        }
        outbox.publish(Topics.RETENTION_PURGE_REPORTS, order.orderId().toString(),
                codec.envelope(EventTypes.PURGE_REPORT, order.orderId().toString(), null, report));
        return Optional.of(report);
    }

    private static PurgeReport apply(PurgeOrder order, PurgeParticipant participant) {
        PurgeParticipant.Outcome outcome = participant.purge(order);
        Set<String> settled = new HashSet<>(outcome.purged());
        settled.addAll(outcome.held());
        List<String> alreadyGone = order.recordIds().stream().distinct().filter(id -> !settled.contains(id)).toList();
        LOG.infof("purge order %s (%s %s): %d purged, %d already gone, %d held", order.orderId(), order.category(),
                order.action(), outcome.purged().size(), alreadyGone.size(), outcome.held().size());
        return new PurgeReport(order.orderId(), participant.service(), order.category(), outcome.purged(), alreadyGone,
                outcome.held());
    }
}
