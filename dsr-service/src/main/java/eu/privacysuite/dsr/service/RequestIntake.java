package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.seal.SealedFields;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * Records a data-subject request and asks for the subject's identity: nothing is sent to the participants until
 * the controller has verified it ({@link IdentityDecisions}). A request of the same type for the same subject
 * while one is open is linked to the open one, not recorded again.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final RequestStates states;
    private final AuditTrail audit;
    private final SubjectKeys subjectKeys;
    private final SealedExports sealedExports;
    private final DirectiveSeal directives;
    private final SealedFields sealedFields;
    private final DsrConfig config;
    private final Clock clock;

    public RequestIntake(DsrRequestRepository requests, ParticipantTaskRepository tasks, RequestStates states,
            AuditTrail audit, SubjectKeys subjectKeys, SealedExports sealedExports, DirectiveSeal directives,
            SealedFields sealedFields, DsrConfig config, Clock clock) {
        this.sealedFields = sealedFields;
        this.requests = requests;
        this.tasks = tasks;
        this.states = states;
        this.audit = audit;
        this.subjectKeys = subjectKeys;
        this.sealedExports = sealedExports;
        this.directives = directives;
        this.config = config;
        this.clock = clock;
    }

    /** What the intake did: recorded a new request, or linked a duplicate to the open one it repeats. */
    public record Received(RequestState request, boolean duplicate) {
    }

    @Transactional
    public Received receive(NewRequest form, String principal) {
        String subjectKey = subjectKeys.forEmail(form.email());
        requests.lockSubject(subjectKey);
        Optional<DsrRequest> open = requests.openOf(subjectKey, form.type());
        if (open.isPresent()) {
            DsrRequest original = requests.lock(open.get().id).orElseThrow();
            original.duplicatesReceived++;
            audit.record(original.id, principal, "a new " + form.type() + " request for the same subject came by "
                    + channel(form) + " while this one is open: linked to it, not executed again");
            LOG.infof("request %s: a duplicate was received and linked to it", original.id);
            return new Received(states.state(original, tasks.ofRequest(original.id)), true);
        }
        // PostgreSQL keeps microseconds: the answer to the POST shows what a later GET will show.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        DsrRequest request = new DsrRequest();
        request.id = UUID.randomUUID();
        request.type = form.type();
        request.channel = form.channel();
        request.subjectKey = subjectKey;
        request.visitorIds = List.copyOf(form.visitorIds());
        request.receivedAt = now;
        request.dueAt = now.atOffset(ZoneOffset.UTC).plus(config.responseDeadline()).toInstant();
        request.attempts = 0;
        request.sealedEmail = sealedFields.seal(form.email(), IdentityCodes.emailData(request.id));
        request.language = form.language();
        if (CompletionLetters.TOLD.contains(form.type())) {
            request.sealedLetterEmail = sealedFields.seal(form.email(), CompletionLetters.emailData(request.id));
        }
        if (form.corrections() != null) {
            request.sealedCorrections = sealedExports.sealCorrections(request.id, form.corrections());
        }
        if (form.directive() != null) {
            request.sealedDirective = directives.sealForRequest(request.id, form.directive());
        }
        if (form.type() == DsrAction.AUTOMATED_DECISION) {
            request.statement = config.automatedDecisionStatement();
        }
        requests.persist(request);
        audit.record(request.id, principal, request.type + " request received by " + channel(form) + ", due "
                + request.dueAt);

        request.apply(RequestAct.ASK_IDENTITY);
        request.clockPausedSince = now;
        audit.record(request.id, principal, "identity of the subject asked for; the legal clock is paused");
        LOG.infof("request %s (%s) received; awaiting identity", request.id, request.type);
        return new Received(states.state(request, List.of()), false);
    }

    private static String channel(NewRequest form) {
        return form.channel() == null ? "an unstated channel" : form.channel().toString();
    }
}
