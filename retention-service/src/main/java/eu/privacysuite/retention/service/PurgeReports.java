package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeEvidence;
import eu.privacysuite.retention.domain.PurgeEvidenceRepository;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.PurgeReport;

/**
 * Settles an order from its owner's report, once: the ledger forgets what was purged or already gone, takes back
 * what was held, and the evidence records counts and the rule applied (no record ids, no subjects).
 */
@ApplicationScoped
public class PurgeReports {

    private static final Logger LOG = Logger.getLogger(PurgeReports.class);

    private final PurgeOrderRepository orders;
    private final LedgerEntryRepository ledger;
    private final PurgeEvidenceRepository evidence;
    private final OrderMetrics metrics;
    private final Clock clock;

    public PurgeReports(PurgeOrderRepository orders, LedgerEntryRepository ledger, PurgeEvidenceRepository evidence,
            OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.ledger = ledger;
        this.evidence = evidence;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Settles the order a report names, in the caller's transaction; {@code eventId} only names it in the log. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID eventId, PurgeReport report) {
        Optional<PurgeOrderEntity> found = orders.lock(report.orderId());
        if (found.isEmpty()) {
            LOG.warnf("purge report %s names unknown order %s: skipped", eventId, report.orderId());
            return;
        }
        settle(found.get(), report);
    }

    /**
     * Settles a locked order with its report, unless one already did (a re-sent order is reported again; the first
     * report is the one kept). Answers whether this report settled it.
     */
    @Transactional(TxType.MANDATORY)
    public boolean settle(PurgeOrderEntity order, PurgeReport report) {
        if (order.status == OrderStatus.REPORTED) {
            return false;
        }
        List<String> gone = new ArrayList<>(report.purged());
        gone.addAll(report.alreadyGone());
        ledger.forgetOrdered(order.id, gone);
        ledger.releaseOrdered(order.id, report.held());
        Instant now = Instant.now(clock);
        if (order.status == OrderStatus.FAILED) {
            LOG.infof("purge order %s, FAILED before, is reported at last", order.id);
        }
        order.status = OrderStatus.REPORTED;
        order.nextAttemptAt = null; // an external system may report before its 2xx to the delivery was recorded
        order.reportedAt = now;
        order.purged = report.purged().size();
        order.alreadyGone = report.alreadyGone().size();
        order.held = report.held().size();
        evidence.persist(PurgeEvidence.of(order));
        metrics.reported(order.category, order.purged, order.alreadyGone, order.held);
        return true;
    }
}
