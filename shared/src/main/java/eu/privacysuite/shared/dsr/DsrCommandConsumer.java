package eu.privacysuite.shared.dsr;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

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
import eu.privacysuite.shared.events.ServiceName;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.seal.SealedFieldException;
import eu.privacysuite.shared.subject.SubjectKeys;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * A participant's side of the DSR saga, present only in services built with {@code privacy.dsr.participant=true}
 * (which provide the {@link DsrParticipant} bean and configure the channel): apply a command once, reply through
 * the outbox in the same transaction, and answer a redelivered command with the reply it got the first time. An
 * export is not remembered (the inbox must not keep personal data, even sealed): a redelivered ACCESS or
 * PORTABILITY command is exported again.
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
    private final SealedExports sealed;
    private final SubjectKeys subjectKeys;
    private final ServiceName service;

    public DsrCommandConsumer(ConsumerSkeleton skeleton, DsrParticipant participant, EventCodec codec, Inbox inbox,
            Outbox outbox, ErasureTombstones tombstones, SealedExports sealed, SubjectKeys subjectKeys,
            ServiceName service) {
        super(skeleton, Topics.DSR_COMMANDS, EventTypes.DSR_COMMAND, DsrCommand.class);
        this.participant = participant;
        this.codec = codec;
        this.inbox = inbox;
        this.outbox = outbox;
        this.tombstones = tombstones;
        this.sealed = sealed;
        this.subjectKeys = subjectKeys;
        this.service = service;
    }

    /** Read in poll batches ({@code batch=true} on the channel): one transaction per batch (decision 0046). */
    @Incoming(Topics.DSR_COMMANDS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onCommands(KafkaRecordBatch<String, String> commands) {
        return consumeBatch(commands);
    }

    @Override
    protected void validate(EventEnvelope envelope, DsrCommand command) {
        if (command.requestId() == null || command.action() == null) {
            throw new MalformedEventException("DSR command without request or action");
        }
        if (command.action() == DsrAction.BREACH_SCOPE) {
            if (command.scope() == null || command.scope().breachId() == null) {
                throw new MalformedEventException("BREACH_SCOPE command without its scope");
            }
            return; // about a breach, not a subject: no subject key
        }
        if (envelope.subjectKey() == null) {
            throw new MalformedEventException("DSR command without subject");
        }
        if (command.action() == DsrAction.RECTIFICATION) {
            corrections(command); // a rectification whose corrections cannot be opened is a bad message
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, DsrCommand command) {
        if (!command.addresses(service.get())) {
            // The controller re-drove other participants: this one already answered the request.
            return;
        }
        List<DsrReply> replies = act(envelope, command);
        // Only the reply itself is kept: after an erasure no row here may name the subject, not even by key.
        inbox.rememberReply(topic(), envelope.eventId(), codec.writeData(replies.get(0).withoutExport()));
        replies.forEach(reply -> send(envelope, command, reply));
    }

    @Override
    protected void onDuplicate(EventEnvelope envelope, DsrCommand command) {
        if (!command.addresses(service.get())) {
            return;
        }
        Optional<DsrReply> earlier = inbox.reply(topic(), envelope.eventId())
                .map(r -> codec.readData(r, DsrReply.class));
        List<DsrReply> replies = command.action().answersSealed() || earlier.isEmpty()
                ? act(envelope, command)
                : List.of(earlier.get());
        LOG.infof("DSR command %s for request %s delivered again: replying %s again", envelope.eventId(),
                command.requestId(), replies.get(0).outcome());
        replies.forEach(reply -> send(envelope, command, reply));
    }

    private List<DsrReply> act(EventEnvelope envelope, DsrCommand command) {
        String subjectKey = envelope.subjectKey();
        List<String> visitors = command.visitorIds();
        DsrAction action = command.action();
        if (action.exports()) {
            return exportReplies(command, participant.export(subjectKey, visitors));
        }
        if (action == DsrAction.BREACH_SCOPE) {
            return peopleReplies(command, participant.affected(command.scope()));
        }
        long count = switch (action) {
            case ERASURE -> {
                long erased = participant.erase(subjectKey, visitors);
                tombstones.record(subjectKey, envelope.occurredAt());
                yield erased;
            }
            case ACCESS, PORTABILITY, BREACH_SCOPE -> throw new IllegalStateException("answered above");
            case RECTIFICATION -> {
                Corrections corrections = corrections(command);
                String newKey = corrections.email() == null ? null : subjectKeys.forEmail(corrections.email());
                yield participant.rectify(subjectKey, subjectKey.equals(newKey) ? null : newKey, visitors,
                        corrections);
            }
            case RESTRICTION -> participant.restrict(subjectKey, visitors, true);
            case RESTRICTION_LIFTED -> participant.restrict(subjectKey, visitors, false);
            case OBJECTION -> participant.object(subjectKey, visitors);
            case AUTOMATED_DECISION, POST_MORTEM_DIRECTIVE -> 0;
        };
        LOG.infof("request %s: %s applied %s to %d record(s)", command.requestId(), service.get(), action,
                count);
        return List.of(new DsrReply(command.requestId(), service.get(),
                count > 0 ? DsrOutcome.DONE : DsrOutcome.NOTHING_FOUND, count, null, statement(action)));
    }

    private List<DsrReply> exportReplies(DsrCommand command, SubjectExport export) {
        String service = this.service.get();
        if (export.isEmpty()) {
            return List.of(new DsrReply(command.requestId(), service, DsrOutcome.NOTHING_FOUND, 0, null, null));
        }
        SubjectExport named = new SubjectExport(service, export.categories());
        List<String> parts = sealed.seal(command.requestId(), service, named);
        LOG.infof("request %s: %s exported %d record(s) in %d part(s)", command.requestId(), service,
                named.recordCount(), parts.size());
        return IntStream.range(0, parts.size())
                .mapToObj(i -> new DsrReply(command.requestId(), service, DsrOutcome.DONE, named.recordCount(),
                        parts.get(i), null, i, parts.size()))
                .toList();
    }

    /** The people in a breach's scope, sealed to the search and this service: never an address in clear. */
    private List<DsrReply> peopleReplies(DsrCommand command, List<AffectedPerson> people) {
        String service = this.service.get();
        if (people.isEmpty()) {
            return List.of(new DsrReply(command.requestId(), service, DsrOutcome.NOTHING_FOUND, 0, null, null));
        }
        List<String> parts = sealed.sealPeople(command.requestId(), service, people);
        LOG.infof("breach search %s: %s found %d person(s) by category in %d part(s)", command.requestId(), service,
                people.size(), parts.size());
        return IntStream.range(0, parts.size())
                .mapToObj(i -> new DsrReply(command.requestId(), service, DsrOutcome.DONE, people.size(),
                        parts.get(i), null, i, parts.size()))
                .toList();
    }

    private String statement(DsrAction action) {
        return switch (action) {
            case AUTOMATED_DECISION -> service.get() + " makes no decision based solely on automated processing";
            case POST_MORTEM_DIRECTIVE -> service.get() + " keeps no post-mortem directive; dsr-service does";
            default -> null;
        };
    }

    private Corrections corrections(DsrCommand command) {
        if (command.sealedCorrections() == null) {
            throw new MalformedEventException("RECTIFICATION command without corrections");
        }
        try {
            return sealed.openCorrections(command.requestId(), command.sealedCorrections());
        } catch (SealedFieldException e) {
            throw new MalformedEventException("RECTIFICATION corrections cannot be opened");
        }
    }

    private void send(EventEnvelope envelope, DsrCommand command, DsrReply reply) {
        // A breach search names no subject: its replies are keyed by the breach.
        String key = envelope.subjectKey() != null ? envelope.subjectKey() : "breach:" + command.scope().breachId();
        // Its own reply topic: only this service's Kafka user may write there, which is how dsr-service knows who spoke.
        outbox.publish(Topics.dsrReplies(service.get()), key,
                codec.envelope(EventTypes.DSR_REPLY, reply.requestId().toString(), envelope.subjectKey(), reply));
    }
}
