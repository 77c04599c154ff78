package eu.privacysuite.shared.dsr;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import eu.privacysuite.shared.erasure.ErasureTombstones;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import eu.privacysuite.shared.outbox.Outbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * A participant's side of the DSR saga, present only in services built with {@code privacy.dsr.participant=true}
 * (which provide the {@link DsrParticipant} bean and configure the channel): apply a command once, reply through
 * the outbox in the same transaction, and answer a redelivered command with the reply it got the first time.
 */
@ApplicationScoped
@IfBuildProperty(name = "privacy.dsr.participant", stringValue = "true")
public class DsrCommandConsumer extends EventConsumer<DsrCommand> {

    private static final Logger LOG = Logger.getLogger(DsrCommandConsumer.class);

    private final DsrParticipant participant;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ErasureTombstones tombstones;

    public DsrCommandConsumer(ConsumerSkeleton skeleton, DsrParticipant participant, EventCodec codec, Inbox inbox,
            Outbox outbox, ErasureTombstones tombstones) {
        super(skeleton, Topics.DSR_COMMANDS, EventTypes.DSR_COMMAND, DsrCommand.class);
        this.participant = participant;
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
        this.tombstones = tombstones;
    }

    @Incoming(Topics.DSR_COMMANDS)
    @Blocking(ordered = true)
    public void onCommand(String value) {
        consume(value);
    }

    @Override
    protected void validate(EventEnvelope envelope, DsrCommand command) {
        if (envelope.subjectKey() == null || command.requestId() == null || command.action() == null) {
            throw new MalformedEventException("DSR command without subject, request or action");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, DsrCommand command) {
        if (!command.addresses(participant.service())) {
            // The controller re-drove other participants: this one already answered the request.
            return;
        }
        DsrReply reply = act(envelope, command);
        // Only the reply itself is kept: after an erasure no row here may name the subject, not even by key.
        inbox.rememberReply(topic(), envelope.eventId(), codec.writeData(reply));
        send(envelope, reply);
    }

    @Override
    protected void onDuplicate(EventEnvelope envelope, DsrCommand command) {
        if (!command.addresses(participant.service())) {
            return;
        }
        Optional<String> earlier = inbox.reply(topic(), envelope.eventId());
        DsrReply reply = earlier.map(r -> codec.readData(r, DsrReply.class)).orElseGet(() -> act(envelope, command));
        LOG.infof("DSR command %s for request %s delivered again: replying %s again", envelope.eventId(),
                command.requestId(), reply.outcome());
        send(envelope, reply);
    }

    private DsrReply act(EventEnvelope envelope, DsrCommand command) {
        if (command.action() != DsrAction.ERASURE) {
            return new DsrReply(command.requestId(), participant.service(), DsrOutcome.REFUSED, 0, null,
                    "action " + command.action() + " is not supported by " + participant.service() + " yet");
        }
        long erased = participant.erase(envelope.subjectKey(), command.visitorIds());
        tombstones.record(envelope.subjectKey(), envelope.occurredAt());
        LOG.infof("request %s: %s erased %d record(s)", command.requestId(), participant.service(), erased);
        return new DsrReply(command.requestId(), participant.service(),
                erased > 0 ? DsrOutcome.DONE : DsrOutcome.NOTHING_FOUND, erased, null, null);
    }

    private void send(EventEnvelope command, DsrReply reply) {
        // Its own reply topic: only this service's Kafka user may write there, which is how dsr-service knows who spoke.
        outbox.publish(Topics.dsrReplies(participant.service()), command.subjectKey(),
                codec.envelope(EventTypes.DSR_REPLY, reply.requestId().toString(), command.subjectKey(), reply));
    }
}
