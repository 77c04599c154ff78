package eu.privacysuite.shared.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;

class InFlightMessagesTest {

    @Test
    void shutdownWaitsForTheRunningHandlerThenHoldsNewMessagesUnhandled() throws InterruptedException {
        InFlightMessages inFlight = new InFlightMessages();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean firstFinished = new AtomicBoolean();
        Thread running = new Thread(() -> inFlight.handle(() -> {
            started.countDown();
            sleep(300);
            firstFinished.set(true);
        }));
        running.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        inFlight.stop(new ShutdownEvent());
        assertTrue(firstFinished.get(), "the shutdown waited for the message being handled");

        AtomicInteger handledAfterStop = new AtomicInteger();
        Thread late = new Thread(() -> inFlight.handle(handledAfterStop::incrementAndGet));
        late.setDaemon(true);
        late.start();
        late.join(500);
        assertTrue(late.isAlive(), "a message dispatched during shutdown is held, neither handled nor failed");
        assertEquals(0, handledAfterStop.get());
    }

    @Test
    void beforeShutdownMessagesAreHandledAtOnce() {
        InFlightMessages inFlight = new InFlightMessages();
        AtomicBoolean handled = new AtomicBoolean();
        inFlight.handle(() -> handled.set(true));
        assertTrue(handled.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
