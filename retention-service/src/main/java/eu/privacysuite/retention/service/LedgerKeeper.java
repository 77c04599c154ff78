package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.erasure.ErasureTombstones;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.RetentionClock;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the ledger of when each record's retention clock runs out, from the owners' lifecycle events: a clock
 * event of the category's rule starts or restarts the clock (never backwards), a deletion ends it.
 */
@ApplicationScoped
public class LedgerKeeper {

    private static final Logger LOG = Logger.getLogger(LedgerKeeper.class);

    /** What became of one lifecycle event. */
    public enum Outcome {
        CLOCK_STARTED, CLOCK_NOT_MOVED_BACK, RECORD_FORGOTTEN, SUBJECT_ERASED, SKIPPED
    }

    private final LedgerEntryRepository ledger;
    private final RetentionSchedule schedule;
    private final ErasureTombstones tombstones;
    private final MeterRegistry registry;
    private final Clock clock;

    public LedgerKeeper(LedgerEntryRepository ledger, RetentionSchedule schedule, ErasureTombstones tombstones,
            MeterRegistry registry, Clock clock) {
        this.ledger = ledger;
        this.schedule = schedule;
        this.tombstones = tombstones;
        this.registry = registry;
        this.clock = clock;
    }

    /** Applies one lifecycle event of the subject (null for a visitor's consent), in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public Outcome apply(String subjectKey, RetentionClock event) {
        CategoryRule rule = schedule.categories().get(event.category());
        if (rule == null) {
            // No rule can ever apply to it: a bad message, not a fault; the DLQ keeps it with this reason.
            throw new MalformedEventException("unknown retention category " + event.category()
                    + ": not in the schedule (retention.categories)");
        }
        DueDates.Verdict verdict = DueDates.verdict(rule, event, () -> tombstones.erasedSince(subjectKey, event.at()));
        switch (verdict) {
            case FORGET:
                ledger.forget(event.service(), event.category(), event.recordId());
                return Outcome.RECORD_FORGOTTEN;
            case SUBJECT_ERASED:
                return Outcome.SUBJECT_ERASED;
            case START:
                boolean moved = ledger.startOrRestart(event.service(), event.category(), event.recordId(),
                        subjectKey, event.clockEvent(), event.at(), DueDates.dueAt(rule, event.at()),
                        Instant.now(clock));
                return moved ? Outcome.CLOCK_STARTED : Outcome.CLOCK_NOT_MOVED_BACK;
            default:
                return skip(event, verdict.skipReason, event.category());
        }
    }

    private Outcome skip(RetentionClock event, String reason, String categoryTag) {
        LOG.warnf("retention clock event skipped (%s): category %s, event %s", reason, event.category(),
                event.clockEvent());
        registry.counter("retention.clock.events.skipped", "reason", reason, "category", categoryTag,
                "event", event.clockEvent().name()).increment();
        return Outcome.SKIPPED;
    }
}
