package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ResultsWindow;
import eu.privacysuite.dsr.domain.ResultsWindowRepository;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The results' limited life: a completed ACCESS or PORTABILITY request opens a download window of
 * {@code dsr.results.keep-for}; once it has closed, a scheduled job deletes the stored export parts, once per
 * {@code dsr.results.expiry-check-interval} across the replicas ({@link JobLock#tryHoldOncePer}, recorded before the
 * deletions, which take a transaction per request and lock its window: two at once would still delete once).
 */
@ApplicationScoped
public class ResultsExpiry {

    private static final Logger LOG = Logger.getLogger(ResultsExpiry.class);
    private static final int BATCH = 100;
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "dsr-results-expiry";

    private final ResultsWindowRepository windows;
    private final ExportParts parts;
    private final AuditTrail audit;
    private final ResultsConfig config;
    private final JobLock jobLock;
    private final Clock clock;

    public ResultsExpiry(ResultsWindowRepository windows, ExportParts parts, AuditTrail audit, ResultsConfig config,
            JobLock jobLock, Clock clock) {
        this.windows = windows;
        this.parts = parts;
        this.audit = audit;
        this.config = config;
        this.jobLock = jobLock;
        this.clock = clock;
    }

    /** Called in the transaction that completes the request. */
    @Transactional(TxType.MANDATORY)
    public void completed(DsrRequest request, Instant at) {
        if (!request.type.exports() || windows.findById(request.id) != null) {
            return; // nothing to download, or a window already promised (the first completion's) stands
        }
        ResultsWindow window = new ResultsWindow();
        window.requestId = request.id;
        window.availableUntil = at.plus(config.keepFor());
        windows.persist(window);
        audit.record(request.id, "results can be downloaded until " + window.availableUntil);
    }

    @Scheduled(identity = "dsr-results-expiry", every = "${dsr.results.expiry-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(JOB, config.expiryCheckInterval()))) {
            deleteExpired();
        }
    }

    /** Deletes the export parts of every request whose window has closed; answers how many requests it cleared. */
    public int deleteExpired() {
        Instant now = Instant.now(clock);
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> windows.expired(now, BATCH));
        int cleared = 0;
        for (UUID id : expired) {
            try {
                // One transaction per request: a failure leaves the others' deletions committed.
                QuarkusTransaction.requiringNew().run(() -> delete(id, now));
                cleared++;
            } catch (RuntimeException e) {
                LOG.warnf("request %s: could not delete its expired results, will try again: %s", id,
                        e.getClass().getSimpleName());
            }
        }
        return cleared;
    }

    private void delete(UUID id, Instant now) {
        ResultsWindow window = windows.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (window == null || window.deletedAt != null) {
            return; // another replica took it
        }
        int deleted = parts.delete(id);
        window.deletedAt = now;
        audit.record(id, "results deleted: the download window closed at " + window.availableUntil + " ("
                + deleted + " stored export part(s))");
        LOG.infof("request %s: results deleted after their download window", id);
    }
}
