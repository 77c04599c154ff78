package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The controller re-drives a request that needs attention: the participants chosen get a new command (a new
 * eventId, so that one which refused or failed acts again instead of repeating its stored answer), their tasks
 * are open again, and the saga's patience starts afresh. The participants not chosen are not addressed.
 */
@ApplicationScoped
public class RequestRetry {

    private static final Logger LOG = Logger.getLogger(RequestRetry.class);

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final RequestStates states;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Clock clock;
    private final ExternalDeliveries deliveries;

    public RequestRetry(DsrRequestRepository requests, ParticipantTaskRepository tasks, RequestStates states,
            AuditTrail audit, Outbox outbox, EventCodec codec, Clock clock, ExternalDeliveries deliveries) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.tasks = tasks;
        this.states = states;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Re-drives one participant of the request, or, when {@code participant} is null, every participant that has
     * not acted (silent, refused or failed). {@code principal} is who asked, for the audit trail.
     */
    @Transactional
    public RequestState retry(UUID id, String participant, String principal) {
        DsrRequest request = requests.lock(id)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
        request.check(RequestAct.RETRY);
        List<ParticipantTask> all = tasks.ofRequest(id);
        List<ParticipantTask> chosen = participant == null
                ? all.stream().filter(t -> t.status == TaskStatus.PENDING || !t.outcome.settled()).toList()
                : all.stream().filter(t -> t.service.equals(participant)).toList();
        if (chosen.isEmpty()) {
            throw participant == null
                    ? new ProblemException(Status.CONFLICT, "Every participant of this request has acted.")
                    : new ProblemException(Status.BAD_REQUEST, "This request has no participant of that name.");
        }
        List<String> services = chosen.stream().map(t -> t.service).toList();
        Instant now = Instant.now(clock);
        EventEnvelope command = codec.envelope(EventTypes.DSR_COMMAND, id.toString(), request.subjectKey,
                new DsrCommand(id, request.type, request.visitorIds.stream().map(UUID::toString).toList(),
                        request.sealedCorrections,
                        services));
        for (ParticipantTask task : chosen) {
            task.status = TaskStatus.PENDING;
            task.outcome = null;
            task.recordCount = null;
            task.reason = null;
            task.repliedAt = null;
            task.lastSentAt = now;
            // An external participant's command leaves over HTTP: its delivery starts again with the new command.
            deliveries.renew(id, task.service, command.eventId(), now);
        }
        request.apply(RequestAct.RETRY);
        request.commandEvent = codec.write(command);
        request.attempts = 1;
        outbox.publish(Topics.DSR_COMMANDS, request.subjectKey, command);
        audit.record(id, principal, "retry asked: new command sent to " + String.join(", ", services));
        LOG.infof("request %s re-driven for %s; command %s", id, services, command.eventId());
        return states.state(request, all);
    }
}
