package eu.privacysuite.retention;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.testing.TestClock;

/**
 * What the sweep and report tests share: the owners on the bus, the controller on the API, and a clock the test
 * moves and puts back. Each class starts its records in an era of its own, so no other test's record shares a date.
 */
abstract class PurgeFlowTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    LedgerEntryRepository ledger;
    @Inject
    PurgeOrderRepository orders;
    @Inject
    TestClock clock;

    Lifecycle lifecycle;
    Purges purges;
    Instant t0;

    private final Instant era;

    PurgeFlowTest(String era) {
        this.era = Instant.parse(era);
    }

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(mapper, ledger);
        purges = new Purges(mapper, lifecycle, orders);
        t0 = era.plus(Duration.ofDays((long) (Math.random() * 3000)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }
}
