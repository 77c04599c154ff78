package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Period;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.RetentionPeriod;

/** A retention period as the schedule writes it: ISO-8601 calendar periods, or a duration for a demonstration. */
class RetentionPeriodTest {

    @Test
    void thePolicysPeriodsAreCalendarPeriods() {
        assertEquals(Period.ofYears(3), RetentionPeriod.parse("P3Y").period());
        assertEquals(Period.ofMonths(13), RetentionPeriod.parse("P13M").period());
        assertEquals(Period.ZERO, RetentionPeriod.parse("P0D").period());
        assertNull(RetentionPeriod.parse("P3Y").duration());
        assertEquals("P3Y", RetentionPeriod.parse(" P3Y ").toString(), "a property's surrounding blanks are not part of it");
    }

    @Test
    void aDemonstrationPeriodIsADuration() {
        assertEquals(Duration.ofMinutes(2), RetentionPeriod.parse("PT2M").duration());
        assertEquals(Duration.ofHours(24), RetentionPeriod.parse("PT24H").duration());
        assertNull(RetentionPeriod.parse("PT2M").period());
        assertEquals("PT2M", RetentionPeriod.parse("PT2M").toString());
    }

    @Test
    void whatIsNotAnIsoPeriodIsRefusedWithTheValue() {
        for (String bad : new String[] { "3 years", "3Y", "P", "P1Y2MT3H", "", "PT2X" }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.parse(bad), bad);
            assertTrue(refused.getMessage().startsWith("not an ISO-8601 period or duration"), refused.getMessage());
        }
    }

    @Test
    void aNegativePeriodIsSeenAsNegative() {
        assertTrue(RetentionPeriod.parse("P-1M").isNegative());
        assertTrue(RetentionPeriod.parse("PT-2M").isNegative());
        assertFalse(RetentionPeriod.parse("P0D").isNegative());
        assertFalse(RetentionPeriod.parse("PT0S").isNegative());
    }
}
