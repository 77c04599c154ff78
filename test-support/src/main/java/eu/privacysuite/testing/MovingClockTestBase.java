package eu.privacysuite.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

/**
 * A {@code @QuarkusTest} that moves the service's {@link TestClock} extends it: after each test the clock runs at real
 * time again, so that no test starts months ahead because another one moved it.
 */
public abstract class MovingClockTestBase {

    @Inject
    protected TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }
}
