package eu.privacysuite.shared.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How much younger than its period a job's last run may be and the job still run: a fifth, at most a minute. */
class JobLockToleranceTest {

    @Test
    void aFifthOfAShortPeriod() {
        assertEquals(Duration.ofMillis(400), JobLock.tolerance(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(1), JobLock.tolerance(Duration.ofSeconds(5)));
        assertEquals(Duration.ofMinutes(1), JobLock.tolerance(Duration.ofMinutes(5)));
    }

    @Test
    void atMostAMinuteOfALongOne() {
        assertEquals(Duration.ofMinutes(1), JobLock.tolerance(Duration.ofMinutes(10)));
        assertEquals(Duration.ofMinutes(1), JobLock.tolerance(Duration.ofDays(1)));
    }
}
