package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.dsr.rest.DsrRequestForm;
import eu.privacysuite.dsr.rest.DsrRequestView;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableContent;
import eu.privacysuite.shared.subject.SubjectKeys;

/** Records a data-subject request and, in the same transaction, commands every participant to act on it. */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final RequestViews views;
    private final AuditTrail audit;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final EventCodec codec;
    private final DsrConfig config;
    private final Clock clock;

    public RequestIntake(DsrRequestRepository requests, ParticipantTaskRepository tasks, RequestViews views,
            AuditTrail audit, SubjectKeys subjectKeys, Outbox outbox, EventCodec codec, DsrConfig config, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.views = views;
        this.audit = audit;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public DsrRequestView receive(DsrRequestForm form, String principal) {
        if (form.type() != DsrAction.ERASURE) {
            throw new ProblemException(UnprocessableContent.STATUS,
                    "Requests of type " + form.type() + " are not supported yet.");
        }
        // PostgreSQL keeps microseconds: the answer to the POST shows what a later GET will show.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.type = form.type();
        request.status = RequestStatus.IN_PROGRESS;
        request.subjectKey = subjectKeys.forEmail(form.subject().email());
        request.visitorIds = List.copyOf(form.visitorIds());
        request.receivedAt = now;
        request.dueAt = now.atOffset(ZoneOffset.UTC).plus(config.responseDeadline()).toInstant();

        EventEnvelope command = codec.envelope(EventTypes.DSR_COMMAND, request.id.toString(), request.subjectKey,
                new DsrCommand(request.id, request.type, request.visitorIds.stream().map(UUID::toString).toList(), null));
        request.commandEvent = codec.write(command);
        request.attempts = 1;
        requests.persist(request);

        List<ParticipantTask> participants = new ArrayList<>();
        for (String service : config.participants()) {
            ParticipantTask task = new ParticipantTask();
            task.requestId = request.id;
            task.service = service;
            task.status = TaskStatus.PENDING;
            task.lastSentAt = now;
            tasks.persist(task);
            participants.add(task);
        }
        outbox.publish(Topics.DSR_COMMANDS, request.subjectKey, command);
        audit.record(request.id, principal, request.type + " request recorded, due " + request.dueAt
                + "; command sent to " + String.join(", ", config.participants()));
        LOG.infof("request %s (%s) received; command %s sent to %d participant(s)", request.id, request.type,
                command.eventId(), participants.size());
        return views.view(request, participants);
    }
}
