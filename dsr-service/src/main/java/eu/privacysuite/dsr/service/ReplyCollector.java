package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.shared.events.DsrReply;

/**
 * The saga's listening half: records each participant's answer once, and settles the request when the last one
 * is in — COMPLETED when every participant is done, NEEDS_ATTENTION when one refused or failed.
 */
@ApplicationScoped
public class ReplyCollector {

    private static final Logger LOG = Logger.getLogger(ReplyCollector.class);

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final AuditTrail audit;
    private final Clock clock;
    private final CaseClosure closure;
    private final ExportParts exportParts;
    private final ResultsExpiry results;
    private final AddressRectified addressRectified;
    private final CompletionLetters letters;

    public ReplyCollector(DsrRequestRepository requests, ParticipantTaskRepository tasks, AuditTrail audit,
            Clock clock, CaseClosure closure, ExportParts exportParts, ResultsExpiry results,
            AddressRectified addressRectified, CompletionLetters letters) {
        this.addressRectified = addressRectified;
        this.letters = letters;
        this.closure = closure;
        this.exportParts = exportParts;
        this.results = results;
        this.requests = requests;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one participant's reply, in the caller's transaction; {@code eventId} only names it in the log. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID eventId, DsrReply reply) {
        Optional<DsrRequest> request = requests.lock(reply.requestId());
        if (request.isEmpty()) {
            LOG.warnf("reply %s from %s names unknown request %s: skipped", eventId, reply.service(),
                    reply.requestId());
            return;
        }
        // The request's own tasks decide who must answer, not today's configuration of participants.
        ParticipantTask task = tasks.findById(new ParticipantTask.Key(reply.requestId(), reply.service()));
        if (task == null) {
            LOG.warnf("reply %s for request %s comes from %s, which is not one of its participants: skipped",
                    eventId, reply.requestId(), reply.service());
            return;
        }
        if (task.status == TaskStatus.REPLIED) {
            // A re-sent command is answered again; the first answer is the one the request keeps.
            LOG.infof("%s answered request %s again: its first answer (%s) stands", task.service, task.requestId,
                    task.outcome);
            return;
        }
        if (!exportParts.receive(request.get(), reply)) {
            // An export in parts: the participant has answered once every part is in.
            LOG.debugf("request %s: export part %d of %d from %s stored", task.requestId, reply.exportPart(),
                    reply.exportParts(), task.service);
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
        // A closed request stays closed: a late reply after a cancellation is recorded, and settles nothing.
        if (!request.status().open() || all.stream().anyMatch(t -> t.status != TaskStatus.REPLIED)) {
            return;
        }
        String unsettled = all.stream().filter(t -> !t.outcome.settled())
                .map(t -> t.service + " " + t.outcome).collect(Collectors.joining(", "));
        if (unsettled.isEmpty()) {
            request.apply(RequestAct.COMPLETE);
            request.completedAt = now;
            audit.record(request.id, "completed: every participant has acted");
            letters.completed(request, all, now);
            addressRectified.completed(request);
            closure.closed(request, now);
            results.completed(request, now);
            LOG.infof("request %s completed", request.id);
        } else {
            if (request.status() != RequestStatus.NEEDS_ATTENTION) {
                request.apply(RequestAct.FLAG);
            }
            audit.record(request.id, "every participant replied, but not all acted: " + unsettled);
            LOG.warnf("request %s needs attention: %s", request.id, unsettled);
        }
    }
}
