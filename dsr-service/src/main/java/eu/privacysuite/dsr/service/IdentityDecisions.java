package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.shared.seal.SealedFields;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.IdentityMethod;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.RejectionReason;
import eu.privacysuite.dsr.domain.RequestAct;

/**
 * The controller's decision on the subject's identity. Verified: the legal clock runs again, the paused time
 * added to the due date, and work starts. Not verified: the request is rejected (IDENTITY_NOT_PROVEN) and closed.
 */
@ApplicationScoped
public class IdentityDecisions {

    private static final Logger LOG = Logger.getLogger(IdentityDecisions.class);

    private final LockedRequests requests;
    private final WorkStart work;
    private final CaseClosure closure;
    private final RequestStates states;
    private final AuditTrail audit;
    private final Clock clock;
    private final SealedFields sealed;

    public IdentityDecisions(LockedRequests requests, WorkStart work, CaseClosure closure, RequestStates states,
            AuditTrail audit, Clock clock, SealedFields sealed) {
        this.sealed = sealed;
        this.requests = requests;
        this.work = work;
        this.closure = closure;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RequestState decide(UUID id, boolean verified, IdentityMethod method, String note, String principal) {
        DsrRequest request = requests.lock(id);
        request.check(RequestAct.VERIFY);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        request.identityMethod = method;
        // The external participants find the subject by the address (docs/external-systems.md).
        String email = verified && request.sealedEmail != null
                ? sealed.open(request.sealedEmail, IdentityCodes.emailData(id)) : null;
        request.forgetIdentityContact();
        if (!verified) {
            request.apply(RequestAct.REJECT);
            request.rejectionReason = RejectionReason.IDENTITY_NOT_PROVEN;
            audit.record(id, principal, "identity not proven (" + method + ")" + LockedRequests.note(note)
                    + ": rejected");
            closure.closed(request, now);
            LOG.infof("request %s rejected: identity not proven", id);
            return states.state(request, List.of());
        }
        Duration paused = Duration.between(request.clockPausedSince, now);
        request.dueAt = request.dueAt.plus(paused);
        request.clockPausedSince = null;
        request.deadlineFlag = null;
        request.identityVerifiedAt = now;
        audit.record(id, principal, "identity verified (" + method + ")" + LockedRequests.note(note)
                + "; the legal clock runs again after a pause of " + paused + ", due " + request.dueAt);
        List<ParticipantTask> participants = work.start(request, now, email);
        return states.state(request, participants);
    }
}
