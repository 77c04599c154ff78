package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.PostMortemDirective;
import eu.privacysuite.dsr.domain.PostMortemDirectiveRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;

/**
 * Work on a request starts once identity is verified: dsr-service does its own part (a post-mortem directive is
 * kept, an erasure deletes the subject's directives) and, in the same transaction, commands every participant.
 * The command carries the corrections sealed at intake; the participants answer every action.
 */
@ApplicationScoped
public class WorkStart {

    private static final Logger LOG = Logger.getLogger(WorkStart.class);

    private final ParticipantTaskRepository tasks;
    private final PostMortemDirectiveRepository directives;
    private final DirectiveSeal directiveSeal;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EventCodec codec;
    private final DsrConfig config;
    private final ExternalParticipants external;
    private final ExternalDeliveries deliveries;

    public WorkStart(ParticipantTaskRepository tasks, PostMortemDirectiveRepository directives,
            DirectiveSeal directiveSeal, AuditTrail audit, Outbox outbox, EventCodec codec, DsrConfig config,
            ExternalParticipants external, ExternalDeliveries deliveries) {
        this.external = external;
        this.deliveries = deliveries;
        this.tasks = tasks;
        this.directives = directives;
        this.directiveSeal = directiveSeal;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
    }

    /**
     * {@code email} is the subject's address as given, opened from the request: the external participants that
     * take part in this right get it in their command (over HTTPS, sealed at rest), the suite's never do.
     */
    @Transactional(TxType.MANDATORY)
    public List<ParticipantTask> start(DsrRequest request, Instant now, String email) {
        ownPart(request, now);
        EventEnvelope command = codec.envelope(EventTypes.DSR_COMMAND, request.id.toString(), request.subjectKey,
                new DsrCommand(request.id, request.type, request.visitorIds.stream().map(UUID::toString).toList(),
                        request.sealedCorrections));
        request.apply(RequestAct.VERIFY);
        request.commandEvent = codec.write(command);
        request.attempts = 1;
        List<ParticipantTask> participants = new ArrayList<>();
        for (String service : config.participants()) {
            ParticipantTask task = ParticipantTask.pending(request.id, service, now);
            tasks.persist(task);
            participants.add(task);
        }
        List<String> names = new ArrayList<>(config.participants());
        for (String participant : external.taking(request.type)) {
            ParticipantTask task = ParticipantTask.pending(request.id, participant, now);
            tasks.persist(task);
            participants.add(task);
            deliveries.open(request, participant, command.eventId(), email, now);
            names.add(participant);
        }
        outbox.publish(Topics.DSR_COMMANDS, request.subjectKey, command);
        audit.record(request.id, "command sent to " + String.join(", ", names));
        LOG.infof("request %s (%s): command %s sent to %d participant(s)", request.id, request.type,
                command.eventId(), participants.size());
        return participants;
    }

    private void ownPart(DsrRequest request, Instant now) {
        if (request.type == DsrAction.POST_MORTEM_DIRECTIVE && request.sealedDirective != null) {
            PostMortemDirective kept = new PostMortemDirective();
            kept.requestId = request.id;
            kept.subjectKey = request.subjectKey;
            kept.sealed = directiveSeal.sealForSubject(request.subjectKey,
                    directiveSeal.openForRequest(request.id, request.sealedDirective));
            kept.recordedAt = now;
            directives.persist(kept);
            request.sealedDirective = null;
            audit.record(request.id, "post-mortem directive and trusted third party kept, sealed");
        } else if (request.type == DsrAction.ERASURE) {
            long deleted = directives.deleteOf(request.subjectKey);
            if (deleted > 0) {
                audit.record(request.id, deleted + " post-mortem directive(s) of the subject deleted");
            }
        }
    }
}
