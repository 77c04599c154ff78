package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;

/**
 * The saga's listening half: records each participant's answer once, and settles the request when the last one
 * is in — COMPLETED when every participant is done, NEEDS_ATTENTION when one refused or failed.
 */
@ApplicationScoped
public class ReplyCollector {

    private static final Logger LOG = Logger.getLogger(ReplyCollector.class);
    private static final String CONSUMER = Topics.DSR_REPLIES;

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final AuditTrail audit;
    private final Inbox inbox;
    private final EventCodec codec;
    private final DsrConfig config;
    private final Clock clock;
    private final CaseClosure closure;

    public ReplyCollector(DsrRequestRepository requests, ParticipantTaskRepository tasks, AuditTrail audit, Inbox inbox,
            EventCodec codec, DsrConfig config, Clock clock, CaseClosure closure) {
        this.closure = closure;
        this.requests = requests;
        this.tasks = tasks;
        this.audit = audit;
        this.inbox = inbox;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public void record(String value) {
        EventEnvelope envelope = codec.read(value);
        DsrReply reply = codec.data(envelope, DsrReply.class);
        if (reply.requestId() == null || reply.service() == null || reply.outcome() == null) {
            throw new MalformedEventException("DSR reply without request, service or outcome");
        }
        if (!inbox.firstDelivery(CONSUMER, envelope.eventId())) {
            LOG.debugf("reply %s delivered again: already recorded", envelope.eventId());
            return;
        }
        Optional<DsrRequest> request = requests.lock(reply.requestId());
        if (request.isEmpty()) {
            LOG.warnf("reply %s from %s names unknown request %s: skipped", envelope.eventId(), reply.service(),
                    reply.requestId());
            return;
        }
        ParticipantTask task = config.participants().contains(reply.service())
                ? tasks.findById(new ParticipantTask.Key(reply.requestId(), reply.service()))
                : null;
        if (task == null) {
            LOG.warnf("reply %s for request %s comes from %s, which is not one of its participants: skipped",
                    envelope.eventId(), reply.requestId(), reply.service());
            return;
        }
        if (task.status == TaskStatus.REPLIED) {
            // A re-sent command is answered again; the first answer is the one the request keeps.
            LOG.infof("%s answered request %s again: its first answer (%s) stands", task.service, task.requestId,
                    task.outcome);
            return;
        }
        Instant now = Instant.now(clock);
        task.status = TaskStatus.REPLIED;
        task.outcome = reply.outcome();
        task.recordCount = reply.recordCount();
        task.reason = reply.reason();
        task.repliedAt = now;
        audit.record(task.requestId, task.service + " replied " + reply.outcome() + " (" + reply.recordCount()
                + " record(s))");
        settleWhenAllReplied(request.get(), now);
    }

    private void settleWhenAllReplied(DsrRequest request, Instant now) {
        List<ParticipantTask> all = tasks.ofRequest(request.id);
        if (request.status == RequestStatus.COMPLETED || all.stream().anyMatch(t -> t.status != TaskStatus.REPLIED)) {
            return;
        }
        String unsettled = all.stream().filter(t -> !t.outcome.settled())
                .map(t -> t.service + " " + t.outcome).collect(Collectors.joining(", "));
        if (unsettled.isEmpty()) {
            request.status = RequestStatus.COMPLETED;
            request.completedAt = now;
            audit.record(request.id, "completed: every participant has acted");
            closure.closed(request, now);
            LOG.infof("request %s completed", request.id);
        } else {
            request.status = RequestStatus.NEEDS_ATTENTION;
            audit.record(request.id, "every participant replied, but not all acted: " + unsettled);
            LOG.warnf("request %s needs attention: %s", request.id, unsettled);
        }
    }
}
