package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.RecipientsConfig;
import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RecipientNotice;
import eu.privacysuite.dsr.domain.RecipientNoticeRepository;
import eu.privacysuite.mail.MailQueue;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * Telling people what was done (policy art. 8, GDPR art. 19) when a RECTIFICATION, ERASURE or RESTRICTION
 * completes: the person gets a letter in their language at the address given in the request, naming the services
 * that acted, through the mail outbox (the sealed address is opened to queue it, then set to null); and each
 * recipient the policy names (dsr.recipients) gets a notice, recorded and listed. Delivering the notices over
 * their channel is issue 20: the audit trail says each is for the controller to pass on.
 */
@ApplicationScoped
public class CompletionLetters {

    private static final Logger LOG = Logger.getLogger(CompletionLetters.class);

    /** The rights whose completion the person and the recipients are told of. */
    public static final Set<DsrAction> TOLD = EnumSet.of(DsrAction.RECTIFICATION, DsrAction.ERASURE,
            DsrAction.RESTRICTION);

    private final SealedFields sealed;
    private final MailQueue mails;
    private final AuditTrail audit;
    private final RecipientsConfig recipients;
    private final RecipientNoticeRepository notices;
    private final ParticipantTaskRepository tasks;
    private final LockedRequests locked;
    private final RequestStates states;
    private final ResultsConfig results;

    public CompletionLetters(SealedFields sealed, MailQueue mails, AuditTrail audit, RecipientsConfig recipients,
            RecipientNoticeRepository notices, ParticipantTaskRepository tasks, LockedRequests locked,
            RequestStates states, ResultsConfig results) {
        this.sealed = sealed;
        this.mails = mails;
        this.audit = audit;
        this.recipients = recipients;
        this.notices = notices;
        this.tasks = tasks;
        this.locked = locked;
        this.states = states;
        this.results = results;
    }

    /** The associated data the address is sealed with: it opens for this request only. */
    static String emailData(UUID requestId) {
        return "dsr-letter-email:" + requestId;
    }

    /** Called in the transaction that completes the request, before its closure forgets the subject. */
    @Transactional(TxType.MANDATORY)
    public void completed(DsrRequest request, List<ParticipantTask> all, Instant now) {
        if (!TOLD.contains(request.type)) {
            return;
        }
        if (request.sealedLetterEmail != null) {
            Language language = "en".equals(request.language) ? Language.EN : Language.FR;
            List<ParticipantTask> acted = all.stream().filter(t -> t.outcome == DsrOutcome.DONE).toList();
            List<String> lines = acted.stream().map(t -> t.service + (language == Language.FR ? " : " : ": ")
                    + language.done(request.type, t.recordCount == null ? 0 : t.recordCount)).toList();
            mails.enqueue(request.subjectKey, sealed.open(request.sealedLetterEmail, emailData(request.id)),
                    "mail/completion-letter-" + language.tag + ".txt",
                    Map.of("request", language.request(request.type), "reference", request.id.toString(),
                            "received", language.date(request.receivedAt, results.zone()),
                            "completed", language.date(now, results.zone()), "acted", lines,
                            "recipientsTold", !recipients.all().isEmpty()),
                    null);
            request.sealedLetterEmail = null;
            audit.record(request.id, "completion letter queued in " + language.tag + " naming the services that "
                    + "acted: " + (acted.isEmpty() ? "none" : acted.stream().map(t -> t.service)
                            .collect(Collectors.joining(", "))) + "; the address is no longer kept");
        }
        for (Map.Entry<String, RecipientsConfig.Recipient> entry : recipients.all().entrySet()) {
            RecipientsConfig.Recipient recipient = entry.getValue();
            RecipientNotice notice = new RecipientNotice();
            notice.requestId = request.id;
            notice.recipient = entry.getKey();
            notice.name = recipient.name();
            notice.channel = recipient.channel().name();
            notice.contact = recipient.contact().orElse(null);
            notice.createdAt = now;
            notices.persist(notice);
            audit.record(request.id, "notice of the " + request.type + " to recipient " + entry.getKey() + " ("
                    + recipient.name() + ", " + recipient.channel() + " " + recipient.contact().orElse("no contact set")
                    + "): listed for the controller to pass on; delivery over the channel is not built (issue 20)");
        }
        LOG.infof("request %s: completion letter and %d recipient notice(s) recorded", request.id,
                recipients.all().size());
    }

    /** The controller turns the letter off for one request (it came by post, say), with the reason. */
    @Transactional
    public RequestState turnOff(UUID id, String reason, String principal) {
        DsrRequest request = locked.lock(id);
        if (!TOLD.contains(request.type)) {
            throw new ProblemException(Status.CONFLICT, "Only a RECTIFICATION, ERASURE or RESTRICTION is followed by "
                    + "a completion letter; this request is a " + request.type + ".");
        }
        if (!request.status().open()) {
            throw new ProblemException(Status.CONFLICT, "The request is " + request.status()
                    + ": its letter is already queued or was never due.");
        }
        if (request.letterOffReason != null) {
            throw new ProblemException(Status.CONFLICT, "The completion letter of this request is already off.");
        }
        request.letterOffReason = reason.strip();
        request.sealedLetterEmail = null;
        audit.record(id, principal, "completion letter turned off — " + request.letterOffReason);
        return states.state(request, tasks.ofRequest(id));
    }

    /** The notices a completed request produced, by recipient id. */
    @Transactional
    public List<RecipientNotice> notices(UUID requestId) {
        return notices.ofRequest(requestId);
    }
}
