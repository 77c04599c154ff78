package eu.privacysuite.dsr.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.ExternalConfig;
import eu.privacysuite.dsr.config.ExternalConfig.Participant;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ExternalDelivery;
import eu.privacysuite.dsr.domain.ExternalDeliveryRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.service.ExternalFormats.Answer;
import eu.privacysuite.dsr.service.ExternalFormats.BadAnswer;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.seal.SealedFields;

/**
 * The database half of the HTTP outbox to external participants (decision 0042): opens a delivery with the task,
 * claims the due ones for the dispatcher, records what each exchange gave (a fault waits and is retried, a 4xx is
 * the participant's refusal, a 2xx is its answer or its acceptance), takes callbacks, and flags a request whose
 * external participant has not answered within its {@code answer-within}. An answer counts like an internal
 * participant's: it goes through {@link ReplyCollector}, an export sealed in parts like theirs.
 */
@ApplicationScoped
public class ExternalDeliveries {

    private static final Logger LOG = Logger.getLogger(ExternalDeliveries.class);
    /** How long a claimed delivery stays claimed beyond its timeout, should the dispatcher's JVM die meanwhile. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final ExternalDeliveryRepository deliveries;
    private final DsrRequestRepository requests;
    private final ExternalParticipants participants;
    private final ExternalFormats formats;
    private final SealedFields sealed;
    private final SealedExports sealedExports;
    private final ExportParts exportParts;
    private final ReplyCollector replies;
    private final AuditTrail audit;
    private final Clock clock;

    public ExternalDeliveries(ExternalDeliveryRepository deliveries, DsrRequestRepository requests,
            ExternalParticipants participants, ExternalFormats formats, SealedFields sealed,
            SealedExports sealedExports, ExportParts exportParts, ReplyCollector replies, AuditTrail audit,
            Clock clock) {
        this.deliveries = deliveries;
        this.requests = requests;
        this.participants = participants;
        this.formats = formats;
        this.sealed = sealed;
        this.sealedExports = sealedExports;
        this.exportParts = exportParts;
        this.replies = replies;
        this.audit = audit;
        this.clock = clock;
    }

    /** One command claimed for sending: its body is built, the exchange happens outside any transaction. */
    public record Outgoing(UUID requestId, String participant, UUID commandId, URI endpoint, String key,
            Duration timeout, ExternalConfig.Format format, byte[] body) {
    }

    /** Opens the participant's delivery in the transaction that opens its task: sent by the next dispatch. */
    @Transactional(TxType.MANDATORY)
    public void open(DsrRequest request, String participant, UUID commandId, String email, Instant now) {
        ExternalDelivery d = new ExternalDelivery();
        d.requestId = request.id;
        d.participant = participant;
        d.sealedEmail = sealed.seal(email, emailData(request.id, participant));
        d.renew(commandId, now);
        deliveries.persist(d);
    }

    /** A retry by the controller: a new command for this participant, sent now. */
    @Transactional(TxType.MANDATORY)
    public void renew(UUID requestId, String participant, UUID commandId, Instant now) {
        ExternalDelivery d = deliveries.lock(requestId, participant);
        if (d != null) {
            d.renew(commandId, now);
        }
    }

    /** The request is closed: its deliveries, and the sealed addresses in them, go. */
    @Transactional(TxType.MANDATORY)
    public void closed(UUID requestId) {
        deliveries.deleteOf(requestId);
    }

    /** Claims the deliveries due now and builds their bodies. */
    @Transactional
    public List<Outgoing> claimDue(int limit) {
        Instant now = Instant.now(clock);
        List<Outgoing> out = new ArrayList<>();
        for (ExternalDelivery d : deliveries.lockDue(now, limit)) {
            Optional<Participant> p = participants.named(d.participant);
            DsrRequest request = requests.findById(d.requestId);
            if (p.isEmpty() || request == null || request.subjectKey == null || d.sealedEmail == null) {
                // No longer configured, or nothing left to send for: wait, and say so, rather than drop silently.
                d.nextAttemptAt = now.plus(Duration.ofHours(1));
                d.lastFault = p.isEmpty() ? "participant not configured" : "request closed";
                LOG.warnf("request %s: delivery to %s cannot be sent (%s)", d.requestId, d.participant, d.lastFault);
                continue;
            }
            Participant conf = p.get();
            d.attempts++;
            d.nextAttemptAt = now.plus(conf.timeout()).plus(LEASE_MARGIN);
            ExternalFormats.Command command = new ExternalFormats.Command(d.commandId, request.id, request.type,
                    sealed.open(d.sealedEmail, emailData(request.id, d.participant)),
                    request.visitorIds == null ? List.of() : request.visitorIds.stream().map(UUID::toString).toList(),
                    request.sealedCorrections == null ? null
                            : sealedExports.openCorrections(request.id, request.sealedCorrections),
                    conf.answers() == ExternalConfig.Answers.CALLBACK, callbackUrl(d.participant), request.receivedAt,
                    now);
            out.add(new Outgoing(d.requestId, d.participant, d.commandId, conf.endpoint(), conf.signingKey(),
                    conf.timeout(), conf.format(), formats.request(conf.format(), command)));
        }
        return out;
    }

    /** A fault (no connection, a timeout, a 5xx): the delivery waits and is sent again; nothing else moves. */
    @Transactional
    public void fault(Outgoing o, String what) {
        ExternalDelivery d = current(o);
        if (d == null) {
            return;
        }
        Instant now = Instant.now(clock);
        ExternalConfig config = participants.config();
        long factor = 1L << Math.min(Math.max(d.attempts - 1, 0), 20);
        Duration backoff = config.retryBackoffMin().multipliedBy(factor);
        if (backoff.compareTo(config.retryBackoffMax()) > 0) {
            backoff = config.retryBackoffMax();
        }
        d.nextAttemptAt = now.plus(backoff);
        d.lastFault = what;
        LOG.warnf("request %s: %s did not take the command (attempt %d, %s); sent again at %s", o.requestId(),
                o.participant(), d.attempts, what, d.nextAttemptAt);
    }

    /** The participant's HTTP answer to the command: a 2xx, or a refusal (shared SignedPost). */
    @Transactional
    public void responded(Outgoing o, int status, byte[] body) {
        ExternalDelivery d = current(o);
        if (d == null) {
            return;
        }
        DsrRequest request = requests.findById(o.requestId());
        if (status >= 400) {
            settle(d, request, new Answer(o.requestId(), DsrOutcome.REFUSED, 0,
                    "refused the command with HTTP " + status, null));
            return;
        }
        Participant conf = participants.named(o.participant()).orElseThrow();
        boolean later = conf.answers() == ExternalConfig.Answers.CALLBACK;
        if (later && (status == 202 || conf.format() == ExternalConfig.Format.OPENDSR || body.length == 0)) {
            d.state = ExternalDelivery.State.AWAITING_CALLBACK;
            d.lastFault = null;
            audit.record(o.requestId(), o.participant() + " took the command; it answers by callback");
            return;
        }
        Answer answer;
        try {
            answer = formats.answer(conf.format(), request.type, body, callbackUrl(o.participant()));
            if (!answer.requestId().equals(o.requestId()) || answer.outcome() == null) {
                throw new BadAnswer("the answer is not a final answer for this request");
            }
        } catch (BadAnswer e) {
            LOG.warnf("request %s: %s answered with a body that cannot be read: %s", o.requestId(), o.participant(),
                    e.getMessage());
            answer = new Answer(o.requestId(), DsrOutcome.FAILED, 0, "answered with a body dsr-service cannot read: "
                    + e.getMessage(), null);
        }
        settle(d, request, answer);
    }

    /** What a callback did, for its HTTP status. */
    public enum CallbackResult {
        RECORDED, NOT_FINAL, UNKNOWN_REQUEST, ALREADY_ANSWERED
    }

    /**
     * A signed callback's answer (the signature checked by the caller).
     *
     * @throws BadAnswer when the body is not an answer in the participant's format
     */
    @Transactional
    public CallbackResult callback(String participant, byte[] body) {
        Participant conf = participants.named(participant).orElseThrow();
        // The request's type is needed to read an export; the id comes first, from the same strict reading.
        Answer probe = formats.answer(conf.format(), eu.privacysuite.shared.events.DsrAction.ACCESS, body,
                callbackUrl(participant));
        Optional<DsrRequest> request = requests.lock(probe.requestId());
        ExternalDelivery d = request.isEmpty() ? null : deliveries.lock(probe.requestId(), participant);
        if (d == null) {
            return CallbackResult.UNKNOWN_REQUEST;
        }
        Answer answer = formats.answer(conf.format(), request.get().type, body, callbackUrl(participant));
        if (d.state == ExternalDelivery.State.ANSWERED || !request.get().status().open()) {
            return CallbackResult.ALREADY_ANSWERED;
        }
        if (answer.outcome() == null) {
            return CallbackResult.NOT_FINAL;
        }
        settle(d, request.get(), answer);
        return CallbackResult.RECORDED;
    }

    /** Flags the requests whose external participant has not answered in time. */
    @Transactional
    public void flagSilent(int limit) {
        Instant now = Instant.now(clock);
        Duration shortest = participants.names().stream().map(n -> participants.named(n).orElseThrow().answerWithin())
                .min(Duration::compareTo).orElse(null);
        if (shortest == null) {
            return;
        }
        for (ExternalDelivery d : deliveries.unansweredSince(now.minus(shortest), limit)) {
            Optional<Participant> p = participants.named(d.participant);
            if (p.isEmpty() || !d.firstSentAt.plus(p.get().answerWithin()).isBefore(now)) {
                continue;
            }
            DsrRequest request = requests.lock(d.requestId).orElse(null);
            if (request == null || request.status() != RequestStatus.IN_PROGRESS) {
                continue;
            }
            request.apply(RequestAct.FLAG);
            audit.record(d.requestId, "no answer from " + d.participant + " within " + p.get().answerWithin()
                    + (d.lastFault == null ? "" : " (last fault: " + d.lastFault + ")"));
            LOG.warnf("request %s needs attention: no answer from %s within %s", d.requestId, d.participant,
                    p.get().answerWithin());
        }
    }

    @Transactional
    public int forgetSightingsBefore(Instant before) {
        return deliveries.forgetSightingsBefore(before);
    }

    @Transactional
    public boolean firstSighting(String fingerprint) {
        return deliveries.firstSighting(fingerprint, Instant.now(clock));
    }

    private void settle(ExternalDelivery d, DsrRequest request, Answer answer) {
        d.state = ExternalDelivery.State.ANSWERED;
        d.lastFault = null;
        if (!request.status().open()) {
            LOG.infof("request %s is closed: the answer of %s is not recorded", request.id, d.participant);
            return;
        }
        requests.lock(request.id);
        SubjectExport export = answer.export();
        if (export == null) {
            replies.record(d.commandId, new DsrReply(request.id, d.participant, answer.outcome(), answer.recordCount(),
                    null, answer.reason()));
            return;
        }
        List<String> parts = sealedExports.seal(request.id, d.participant, export);
        for (int i = 0; i < parts.size(); i++) {
            DsrReply reply = new DsrReply(request.id, d.participant, DsrOutcome.DONE, answer.recordCount(),
                    parts.get(i), null, i, parts.size());
            exportParts.check(reply);
            replies.record(d.commandId, reply);
        }
    }

    /** The delivery this exchange was for, locked, if it still waits for it (a retry may have renewed it). */
    private ExternalDelivery current(Outgoing o) {
        ExternalDelivery d = deliveries.lock(o.requestId(), o.participant());
        if (d == null || !d.commandId.equals(o.commandId()) || d.state != ExternalDelivery.State.SENDING) {
            return null;
        }
        return d;
    }

    public URI callbackUrl(String participant) {
        String base = participants.config().callbackBase().toString().replaceAll("/+$", "");
        return URI.create(base + "/api/external/callbacks/" + participant);
    }

    static String emailData(UUID requestId, String participant) {
        return "dsr-external-email:" + requestId + ":" + participant;
    }
}
