package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.RetentionPeriod;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LegalHold;
import eu.privacysuite.retention.service.DueDates;
import eu.privacysuite.retention.service.DueDates.Verdict;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.RetentionClock;

/** When a record falls due: its category's rule, its clock events, the grace window and the holds. No container. */
class DueDatesTest {

    private static final String CONTACT = "contact-service";
    private static final Rule PROSPECT = new Rule(CONTACT, "P3Y", ClockEvent.COLLECTED, ClockEvent.LAST_CONTACT);
    private static final BooleanSupplier NOT_ERASED = () -> false;

    record Rule(String owner, RetentionPeriod keep, List<ClockEvent> startsOn, PurgeAction action,
            Map<String, String> legalBasis, Map<String, String> description) implements CategoryRule {

        Rule(String owner, String keep, ClockEvent... startsOn) {
            this(owner, RetentionPeriod.parse(keep), List.of(startsOn), PurgeAction.DELETE, Map.of(), Map.of());
        }
    }

    @Test
    void aProspectIsDueThreeYearsAfterCollectionAndAgainThreeYearsAfterItsLastContact() {
        assertEquals(Verdict.START, DueDates.verdict(PROSPECT, event(CONTACT, ClockEvent.COLLECTED), NOT_ERASED));
        assertEquals(Verdict.START, DueDates.verdict(PROSPECT, event(CONTACT, ClockEvent.LAST_CONTACT), NOT_ERASED));
        assertEquals(Instant.parse("2029-03-15T10:00:00Z"), DueDates.dueAt(PROSPECT, Instant.parse("2026-03-15T10:00:00Z")));
    }

    @Test
    void monthsAreCalendarMonthsOnTheUtcCalendar() {
        Rule consent = new Rule("consent-service", "P13M", ClockEvent.CONSENT_GIVEN);
        assertEquals(Instant.parse("2027-02-28T23:30:00Z"), DueDates.dueAt(consent, Instant.parse("2026-01-31T23:30:00Z")));
        Rule oneMonth = new Rule(CONTACT, "P1M", ClockEvent.COLLECTED);
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), DueDates.dueAt(oneMonth, Instant.parse("2028-01-31T00:00:00Z")));
    }

    @Test
    void aDemonstrationPeriodIsADurationAndAZeroPeriodIsDueAtOnce() {
        Instant start = Instant.parse("2026-06-01T12:00:00Z");
        assertEquals(start.plusSeconds(120), DueDates.dueAt(new Rule(CONTACT, "PT2M", ClockEvent.COLLECTED), start));
        assertEquals(start, DueDates.dueAt(new Rule("dsr-service", "P0D", ClockEvent.REQUEST_CLOSED), start));
    }

    @Test
    void anEventTheRuleDoesNotNameLeavesTheClockWhereItIs() {
        Rule newsletter = new Rule(CONTACT, "P3Y", ClockEvent.UNSUBSCRIBED);
        Verdict verdict = DueDates.verdict(newsletter, event(CONTACT, ClockEvent.COLLECTED), NOT_ERASED);
        assertEquals(Verdict.NOT_A_CLOCK_START, verdict);
        assertEquals("not-a-clock-start", verdict.skipReason);
    }

    @Test
    void onlyTheCategorysOwnerMovesItsClocks() {
        Verdict verdict = DueDates.verdict(PROSPECT, event("consent-service", ClockEvent.COLLECTED), NOT_ERASED);
        assertEquals(Verdict.NOT_THE_OWNER, verdict);
        assertEquals("not-the-owner", verdict.skipReason);
    }

    @Test
    void aDeletionEndsTheClockEvenAfterAnErasureWithoutAskingForIt() {
        BooleanSupplier notAsked = () -> {
            throw new AssertionError("a deletion is applied whatever the erasures");
        };
        assertEquals(Verdict.FORGET, DueDates.verdict(PROSPECT, event(CONTACT, ClockEvent.RECORD_DELETED), notAsked));
    }

    @Test
    void anEventFromBeforeTheSubjectsErasureDoesNotBringTheRecordBack() {
        assertEquals(Verdict.SUBJECT_ERASED, DueDates.verdict(PROSPECT, event(CONTACT, ClockEvent.LAST_CONTACT), () -> true));
    }

    @Test
    void aSweepTakesOnlyWhatFellDueBeforeTheGraceWindow() {
        Instant now = Instant.parse("2030-01-02T03:15:00Z");
        assertEquals(Instant.parse("2030-01-01T03:15:00Z"), DueDates.cutoff(now, Duration.ofHours(24)));
        assertEquals(now, DueDates.cutoff(now, Duration.ZERO));
    }

    @Test
    void aHoldOnASubjectCoversEveryRecordOfThatSubjectAndNoOther() {
        LegalHold hold = hold("subject-a", null, null);
        assertTrue(hold.covers(entry("subject-a", "PROSPECT", "r1")));
        assertTrue(hold.covers(entry("subject-a", "NEWSLETTER", "r2")));
        assertFalse(hold.covers(entry("subject-b", "PROSPECT", "r1")));
        assertFalse(hold.covers(entry(null, "SERVER_LOG", "r3")), "a record without a subject");
    }

    @Test
    void aHoldOnARecordCoversThatRecordOnlyAndALiftedHoldCoversNothing() {
        LegalHold hold = hold(null, "PROSPECT", "r1");
        assertTrue(hold.covers(entry("subject-a", "PROSPECT", "r1")));
        assertFalse(hold.covers(entry("subject-a", "PROSPECT", "r2")));
        assertFalse(hold.covers(entry("subject-a", "NEWSLETTER", "r1")));
        hold.liftedAt = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(hold.covers(entry("subject-a", "PROSPECT", "r1")));
    }

    private static RetentionClock event(String service, ClockEvent clockEvent) {
        return new RetentionClock(service, "PROSPECT", "record-1", clockEvent, Instant.parse("2026-03-15T10:00:00Z"));
    }

    private static LegalHold hold(String subjectKey, String category, String recordId) {
        LegalHold hold = new LegalHold();
        hold.subjectKey = subjectKey;
        hold.category = category;
        hold.recordId = recordId;
        return hold;
    }

    private static LedgerEntry entry(String subjectKey, String category, String recordId) {
        LedgerEntry entry = new LedgerEntry();
        entry.subjectKey = subjectKey;
        entry.category = category;
        entry.recordId = recordId;
        return entry;
    }
}
