package eu.privacysuite.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's clock in every service's tests: real time plus an offset a test moves, so that months and years pass
 * in a second. It replaces the shared default Clock bean (ClockProducer) because test-support is a bean archive.
 */
@ApplicationScoped
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Makes the service's "now" this instant (from then on it runs at real speed). */
    public void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
