package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RejectionReason;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableContent;

/**
 * The controller's other acts on a request: reject it before work starts, cancel it while nothing is being carried
 * out, and extend its deadline (GDPR art. 12(3): once, by one or two months, decided within the first month).
 */
@ApplicationScoped
public class RequestLifecycle {

    private static final Logger LOG = Logger.getLogger(RequestLifecycle.class);
    private static final Period FIRST_MONTH = Period.ofMonths(1);

    private final LockedRequests requests;
    private final ParticipantTaskRepository tasks;
    private final CaseClosure closure;
    private final RequestStates states;
    private final AuditTrail audit;
    private final Clock clock;

    public RequestLifecycle(LockedRequests requests, ParticipantTaskRepository tasks, CaseClosure closure,
            RequestStates states, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.closure = closure;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestState reject(UUID id, RejectionReason reason, String note, String principal) {
        DsrRequest request = requests.lock(id);
        request.apply(RequestAct.REJECT);
        request.rejectionReason = reason;
        audit.record(id, principal, "rejected: " + reason + LockedRequests.note(note));
        closure.closed(request, now());
        LOG.infof("request %s rejected: %s", id, reason);
        return states.state(request, tasks.ofRequest(id));
    }

    @Transactional
    public RequestState cancel(UUID id, String principal) {
        DsrRequest request = requests.lock(id);
        request.apply(RequestAct.CANCEL);
        audit.record(id, principal, "cancelled");
        closure.closed(request, now());
        LOG.infof("request %s cancelled", id);
        return states.state(request, tasks.ofRequest(id));
    }

    @Transactional
    public RequestState extend(UUID id, int months, String reason, String principal) {
        DsrRequest request = requests.lock(id);
        if (!request.status().open()) {
            throw new ProblemException(Status.CONFLICT, "Only an open request is extended; this one is "
                    + request.status() + ".");
        }
        if (request.extendedMonths != null) {
            throw new ProblemException(Status.CONFLICT, "The deadline of this request was already extended; "
                    + "GDPR art. 12(3) allows one extension.");
        }
        Instant now = now();
        Instant firstMonthEnds = request.receivedAt.atOffset(ZoneOffset.UTC).plus(FIRST_MONTH).toInstant();
        if (now.isAfter(firstMonthEnds)) {
            throw new ProblemException(UnprocessableContent.STATUS, "An extension is decided within one month of "
                    + "receipt (GDPR art. 12(3)); that month ended at " + firstMonthEnds + ".");
        }
        request.extendedMonths = months;
        request.extensionReason = reason.strip();
        request.dueAt = request.dueAt.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
        request.deadlineFlag = null;
        audit.record(id, principal, "deadline extended by " + months + " month(s), now due " + request.dueAt
                + " — " + request.extensionReason);
        LOG.infof("request %s: deadline extended by %d month(s)", id, months);
        return states.state(request, tasks.ofRequest(id));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
