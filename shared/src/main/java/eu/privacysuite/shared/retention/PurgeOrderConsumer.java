package eu.privacysuite.shared.retention;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.ServiceName;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import eu.privacysuite.shared.outbox.Outbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * An owner's side of a purge, present only in services built with {@code privacy.retention.purge-participant=true}
 * (which provide the {@link PurgeParticipant} bean and configure the channel): apply an order once, report through
 * the outbox in the same transaction, and answer a re-sent order with the report it got the first time. Orders
 * addressed to another service are ignored: skipped unread when the record's key names their owner
 * ({@link PurgeOrder#key}), otherwise read and then ignored.
 */
@ApplicationScoped
@IfBuildProperty(name = "privacy.retention.purge-participant", stringValue = "true")
public class PurgeOrderConsumer extends EventConsumer<PurgeOrder> {

    private static final Logger LOG = Logger.getLogger(PurgeOrderConsumer.class);

    private final PurgeParticipant participant;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ServiceName service;

    public PurgeOrderConsumer(ConsumerSkeleton skeleton, PurgeParticipant participant, EventCodec codec, Inbox inbox,
            Outbox outbox, ServiceName service) {
        super(skeleton, Topics.RETENTION_PURGES, EventTypes.PURGE_ORDER, PurgeOrder.class);
        this.participant = participant;
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
        this.service = service;
    }

    @Incoming(Topics.RETENTION_PURGES)
    @Blocking(ordered = true)
    public void onOrder(ConsumerRecord<String, String> record) {
        if (PurgeOrder.addressedElsewhere(record.key(), service.get())) {
            return; // another owner's order: not parsed, not recorded in the inbox
        }
        consume(record.value());
    }

    @Override
    protected void validate(EventEnvelope envelope, PurgeOrder order) {
        if (order.orderId() == null || order.service() == null || order.category() == null || order.action() == null
                || order.recordIds() == null || order.clockStartedUpTo() == null) {
            throw new MalformedEventException(
                    "PurgeOrder without orderId, service, category, action, recordIds or clockStartedUpTo");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, PurgeOrder order) {
        if (!order.service().equals(service.get())) {
            return;
        }
        PurgeReport report = purge(order);
        inbox.rememberReply(topic(), envelope.eventId(), codec.writeData(report));
        send(report);
    }

    @Override
    protected void onDuplicate(EventEnvelope envelope, PurgeOrder order) {
        if (!order.service().equals(service.get())) {
            return;
        }
        PurgeReport report = inbox.reply(topic(), envelope.eventId()).map(r -> codec.readData(r, PurgeReport.class))
                .orElseGet(() -> purge(order));
        LOG.infof("purge order %s delivered again: reporting again", order.orderId());
        send(report);
    }

    private PurgeReport purge(PurgeOrder order) {
        PurgeParticipant.Outcome outcome = participant.purge(order);
        Set<String> settled = new HashSet<>(outcome.purged());
        settled.addAll(outcome.held());
        List<String> alreadyGone = order.recordIds().stream().distinct().filter(id -> !settled.contains(id)).toList();
        LOG.infof("purge order %s (%s %s): %d purged, %d already gone, %d held", order.orderId(), order.category(),
                order.action(), outcome.purged().size(), alreadyGone.size(), outcome.held().size());
        return new PurgeReport(order.orderId(), service.get(), order.category(), outcome.purged(), alreadyGone,
                outcome.held());
    }

    private void send(PurgeReport report) {
        outbox.publish(Topics.RETENTION_PURGE_REPORTS, report.orderId().toString(),
                codec.envelope(EventTypes.PURGE_REPORT, report.orderId().toString(), null, report));
    }
}
