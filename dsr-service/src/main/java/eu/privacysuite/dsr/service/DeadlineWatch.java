package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.domain.DeadlineFlag;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The legal clock's watch (GDPR art. 12(3)): a request newly due soon, or newly overdue, gets an audit entry and a
 * WARN line naming only its id, once per level; an extension or a verified identity moves the due date and lets
 * the watch warn again. On its schedule the flagging runs once per {@code dsr.deadline-check-interval} across the
 * replicas ({@link JobLock#tryHoldOncePer}, in the flagging's transaction); the gauges, which each replica reports
 * for itself, are refreshed on every replica after each round.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    private static final int BATCH = 500;
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "dsr-deadline-watch";

    private final DsrRequestRepository requests;
    private final AuditTrail audit;
    private final RequestMetrics metrics;
    private final DsrConfig config;
    private final JobLock jobLock;
    private final Clock clock;

    public DeadlineWatch(DsrRequestRepository requests, AuditTrail audit, RequestMetrics metrics, DsrConfig config,
            JobLock jobLock, Clock clock) {
        this.requests = requests;
        this.audit = audit;
        this.metrics = metrics;
        this.config = config;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    @Scheduled(identity = "dsr-deadline-watch", every = "${dsr.deadline-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (jobLock.tryHoldOncePer(JOB, config.deadlineCheckInterval())) {
                flagInTransaction();
            }
        });
        metrics.refresh();
    }

    /** A round now, whatever the period. */
    public void check() {
        QuarkusTransaction.requiringNew().run(this::flagInTransaction);
        metrics.refresh();
    }

    private void flagInTransaction() {
        Instant now = Instant.now(clock);
        Instant soon = now.atOffset(ZoneOffset.UTC).plus(config.dueSoon()).toInstant();
        List<DsrRequest> overdue = requests.overdue(now, BATCH);
        List<DsrRequest> dueSoon = requests.dueSoon(now, soon, BATCH);
        requests.getEntityManager().clear(); // read only: the flags are written by guarded updates
        flag(overdue, DeadlineFlag.OVERDUE);
        flag(dueSoon, DeadlineFlag.DUE_SOON);
    }

    private void flag(List<DsrRequest> found, DeadlineFlag level) {
        for (DsrRequest request : found) {
            // An update of the flag alone, guarded: a reply or the controller may move the request meanwhile.
            if (request.deadlineFlag == level || requests.update("deadlineFlag = ?1 where id = ?2 and status in ?3"
                    + " and (deadlineFlag is null or deadlineFlag <> ?1)", level, request.id, RequestStatus.OPEN) == 0) {
                continue;
            }
            audit.record(request.id, (level == DeadlineFlag.OVERDUE ? "overdue" : "due soon") + ": due "
                    + request.dueAt + " (" + request.status() + ")");
            LOG.warnf("request %s is %s: due %s", request.id, level, request.dueAt);
        }
    }
}
