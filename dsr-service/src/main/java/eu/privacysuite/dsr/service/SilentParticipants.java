package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ParticipantTask;
import eu.privacysuite.dsr.domain.ParticipantTaskRepository;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.domain.TaskStatus;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The saga's patient half: a participant silent past the timeout gets the same command again (same eventId, so it
 * deduplicates and answers again); after the last attempt the request is flagged for the controller, never dropped.
 * A send counts as an attempt only once it has left the outbox, so a broker outage alone flags nothing.
 */
@ApplicationScoped
public class SilentParticipants {

    private static final Logger LOG = Logger.getLogger(SilentParticipants.class);
    private static final int BATCH = 100;

    private final DsrRequestRepository requests;
    private final ParticipantTaskRepository tasks;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EventCodec codec;
    private final DsrConfig config;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final ExternalParticipants external;

    public SilentParticipants(DsrRequestRepository requests, ParticipantTaskRepository tasks, AuditTrail audit,
            Outbox outbox, EventCodec codec, DsrConfig config, RequestMetrics metrics, Clock clock,
            ExternalParticipants external) {
        this.external = external;
        this.requests = requests;
        this.tasks = tasks;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(identity = "dsr-silent-participants", every = "${dsr.resend-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        Instant silentSince = Instant.now(clock).minus(config.participantTimeout());
        List<UUID> candidates = QuarkusTransaction.requiringNew()
                .call(() -> tasks.requestsWithSilentParticipants(silentSince, external.names(), BATCH));
        for (UUID id : candidates) {
            try {
                // One transaction per request: a failure leaves the others' re-sends committed.
                QuarkusTransaction.requiringNew().run(() -> resendOrFlag(id, silentSince));
            } catch (RuntimeException e) {
                LOG.warnf("request %s: could not re-send its command, will try again: %s", id, e.getMessage());
            }
        }
        metrics.refresh();
    }

    private void resendOrFlag(UUID id, Instant silentSince) {
        // Locked and checked again: a reply or another replica may have moved the request since the query.
        DsrRequest request = requests.lock(id).orElse(null);
        if (request == null || request.status() != RequestStatus.IN_PROGRESS) {
            return;
        }
        // An external participant's command travels over HTTP, retried by ExternalDispatcher; its silence is judged
        // there, against its own answer-within.
        List<ParticipantTask> pending = tasks.ofRequest(id).stream()
                .filter(t -> t.status == TaskStatus.PENDING && !external.isExternal(t.service)).toList();
        String silent = pending.stream().filter(t -> t.lastSentAt.isBefore(silentSince)).map(t -> t.service)
                .collect(Collectors.joining(", "));
        if (silent.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        if (requests.awaitingPublication(codec.read(request.commandEvent).eventId())) {
            // The last send has not left the outbox (broker unreachable): the participants never had it, so their
            // silence spends no attempt, and their patience starts again from now.
            pending.forEach(t -> t.lastSentAt = now);
            LOG.debugf("request %s: command not yet published; no attempt counted", id);
            return;
        }
        if (request.attempts >= config.maxAttempts()) {
            request.apply(RequestAct.FLAG);
            audit.record(id, "no answer from " + silent + " after " + request.attempts + " attempt(s)");
            LOG.warnf("request %s needs attention: no answer from %s after %d attempt(s)", id, silent, request.attempts);
            return;
        }
        outbox.publish(Topics.DSR_COMMANDS, request.subjectKey, codec.read(request.commandEvent));
        request.attempts++;
        pending.forEach(t -> t.lastSentAt = now);
        audit.record(id, "command sent again (attempt " + request.attempts + "): no answer yet from " + silent);
        metrics.commandResent();
        LOG.infof("request %s: command sent again (attempt %d) for %s", id, request.attempts, silent);
    }
}
