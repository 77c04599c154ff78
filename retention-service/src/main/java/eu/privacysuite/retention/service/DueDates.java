package eu.privacysuite.retention.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionClock;

/**
 * When a record falls due, without a database: an event its category's rule names starts (or restarts) the record's
 * clock and the record is due one period later; a deletion ends the clock; the sweep takes what fell due before
 * its moment minus the grace window. Whether a hold covers a record is {@code LegalHold.covers}.
 */
public final class DueDates {

    /** What one lifecycle event does to the clock of its record. */
    public enum Verdict {
        /** The owner deleted the record: its clock ends, even after an erasure (a deletion brings nothing back). */
        FORGET(null),
        /** The subject was erased after the event happened: the event must not bring the record back. */
        SUBJECT_ERASED(null),
        /** The rule starts the clock on other events. */
        NOT_A_CLOCK_START("not-a-clock-start"),
        /** Only the category's owner moves its records' clocks. */
        NOT_THE_OWNER("not-the-owner"),
        /** The clock starts at the event; the record is due at {@link DueDates#dueAt}. */
        START(null);

        /** The reason a skipped event is counted under ({@code retention.clock.events.skipped}). */
        public final String skipReason;

        Verdict(String skipReason) {
            this.skipReason = skipReason;
        }
    }

    /** {@code subjectErasedSince} is asked only when the answer matters (it costs a query). */
    public static Verdict verdict(CategoryRule rule, RetentionClock event, BooleanSupplier subjectErasedSince) {
        if (event.clockEvent() == ClockEvent.RECORD_DELETED) {
            return Verdict.FORGET;
        }
        if (subjectErasedSince.getAsBoolean()) {
            return Verdict.SUBJECT_ERASED;
        }
        if (!rule.startsOn().contains(event.clockEvent())) {
            return Verdict.NOT_A_CLOCK_START;
        }
        return rule.owner().equals(event.service()) ? Verdict.START : Verdict.NOT_THE_OWNER;
    }

    /** The period of the rule after the clock started; years and months on the UTC calendar. */
    public static Instant dueAt(CategoryRule rule, Instant clockStartedAt) {
        return rule.keep().addTo(clockStartedAt);
    }

    /** A sweep at {@code at} takes the records due at or before this: the grace window is the time to place a hold. */
    public static Instant cutoff(Instant at, Duration grace) {
        return at.minus(grace);
    }

    private DueDates() {
    }
}
