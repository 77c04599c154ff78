package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.retention.config.PurgeConfig;
import eu.privacysuite.retention.domain.DueCount;
import eu.privacysuite.retention.domain.DueRecord;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeEvidence;
import eu.privacysuite.retention.domain.PurgeEvidenceRepository;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;

/** Read-only views for the controller and the auditor: due records, orders, evidence. */
@ApplicationScoped
public class PurgeViews {

    /** What the sweep at {@code before} would take (purgeable counts, held counts) and one page of the records. */
    public record Due(Instant before, Instant cutoff, List<DueCount> counts, List<DueRecord> records) {
    }

    private final LedgerEntryRepository ledger;
    private final PurgeOrderRepository orders;
    private final PurgeEvidenceRepository evidence;
    private final PurgeConfig config;
    private final Clock clock;

    public PurgeViews(LedgerEntryRepository ledger, PurgeOrderRepository orders, PurgeEvidenceRepository evidence,
            PurgeConfig config, Clock clock) {
        this.ledger = ledger;
        this.orders = orders;
        this.evidence = evidence;
        this.config = config;
        this.clock = clock;
    }

    /** Records a sweep run at {@code before} (default now) would order purged, after the grace window. */
    @Transactional
    public Due due(Optional<Instant> before, Optional<String> category, int page, int size) {
        Instant at = before.orElseGet(() -> Instant.now(clock));
        Instant cutoff = DueDates.cutoff(at, config.grace());
        return new Due(at, cutoff, ledger.countDue(cutoff), ledger.pageDue(cutoff, category, page, size));
    }

    @Transactional
    public List<PurgeOrderEntity> orders(Optional<OrderStatus> status, int page, int size) {
        return orders.newestFirst(status, page, size);
    }

    @Transactional
    public List<PurgeEvidence> evidence(Instant from, Instant to, int page, int size) {
        return evidence.between(from, to, page, size);
    }

    @Transactional
    public long evidenceCount(Instant from, Instant to) {
        return evidence.countBetween(from, to);
    }
}
