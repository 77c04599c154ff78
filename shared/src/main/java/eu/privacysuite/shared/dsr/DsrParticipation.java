package eu.privacysuite.shared.dsr;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
import eu.privacysuite.shared.outbox.Outbox;

/**
 * A participant's side of the DSR saga: apply a command once, reply through the outbox in the same
 * transaction, and answer a redelivered command with the reply it got the first time.
 */
@ApplicationScoped
public class DsrParticipation {

    private static final Logger LOG = Logger.getLogger(DsrParticipation.class);
    private static final String CONSUMER = Topics.DSR_COMMANDS;

    private final EventCodec codec;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ErasureTombstones tombstones;

    public DsrParticipation(EventCodec codec, Inbox inbox, Outbox outbox, ErasureTombstones tombstones) {
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
        this.tombstones = tombstones;
    }

    @Transactional
    public DsrReply handle(String value, DsrParticipant participant) {
        EventEnvelope envelope = codec.read(value);
        DsrCommand command = codec.data(envelope, DsrCommand.class);
        DsrReply reply;
        if (inbox.firstDelivery(CONSUMER, envelope.eventId())) {
            reply = apply(envelope, command, participant);
            // Only the reply itself is kept: after an erasure no row here may name the subject, not even by key.
            inbox.rememberReply(CONSUMER, envelope.eventId(), codec.writeData(reply));
        } else {
            Optional<String> earlier = inbox.reply(CONSUMER, envelope.eventId());
            reply = earlier.map(r -> codec.readData(r, DsrReply.class)).orElseGet(
                    () -> apply(envelope, command, participant));
            LOG.infof("DSR command %s for request %s delivered again: replying %s again", envelope.eventId(),
                    command.requestId(), reply.outcome());
        }
        // Its own reply topic: only this service's Kafka user may write there, which is how dsr-service knows who spoke.
        outbox.publish(Topics.dsrReplies(participant.service()), envelope.subjectKey(),
                codec.envelope(EventTypes.DSR_REPLY, command.requestId().toString(), envelope.subjectKey(), reply));
        return reply;
    }

    private DsrReply apply(EventEnvelope envelope, DsrCommand command, DsrParticipant participant) {
        if (envelope.subjectKey() == null || command.requestId() == null || command.action() == null) {
            throw new MalformedEventException("DSR command without subject, request or action");
        }
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
}
