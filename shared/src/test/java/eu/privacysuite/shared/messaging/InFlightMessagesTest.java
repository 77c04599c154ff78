package eu.privacysuite.shared.messaging;

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
    void aHandlerAdmittedWhileTheServiceStopsIsEitherFinishedBeforeTheStopEndsOrNeverRun() throws Exception {
        CountDownLatch admitted = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        InFlightMessages inFlight = new InFlightMessages(() -> {
            admitted.countDown();
            await(resume);
        });
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean stopReturned = new AtomicBoolean();
        AtomicBoolean ranAfterStop = new AtomicBoolean();
        Thread handler = new Thread(() -> inFlight.handle(() -> {
            ran.set(true);
            ranAfterStop.set(stopReturned.get());
        }));
        handler.setDaemon(true);
        handler.start();
        assertTrue(admitted.await(5, TimeUnit.SECONDS));

        // The shutdown begins while the handler stands between its admission steps.
        Thread stopper = new Thread(() -> {
            inFlight.stop(new ShutdownEvent());
            stopReturned.set(true);
        });
        stopper.start();
        Thread.sleep(300);
        resume.countDown();
        stopper.join(15_000);
        handler.join(500);

        assertTrue(stopReturned.get());
        assertFalse(ranAfterStop.get(), "no handler runs once the shutdown let the database close");
        assertEquals(ran.get(), !handler.isAlive(), "a handler that did not run is held, unacknowledged");
    }

    @Test
    void aHandlerWaitingToRetryAFaultIsHeldAtShutdownInsteadOfDelayingIt() throws InterruptedException {
        InFlightMessages inFlight = new InFlightMessages();
        CountDownLatch failing = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        Thread retrying = new Thread(() -> inFlight.handle(() -> {
            while (true) {
                attempts.incrementAndGet();
                failing.countDown();
                inFlight.pauseBeforeRetry(java.time.Duration.ofSeconds(5));
            }
        }));
        retrying.setDaemon(true);
        retrying.start();
        assertTrue(failing.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        inFlight.stop(new ShutdownEvent());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the shutdown did not wait for the retry");
        retrying.join(300);
        assertTrue(retrying.isAlive(), "the message is held, neither finished nor failed");
        assertEquals(1, attempts.get());
    }

    @Test
    void beforeShutdownMessagesAreHandledAtOnce() {
        InFlightMessages inFlight = new InFlightMessages();
        AtomicBoolean handled = new AtomicBoolean();
        inFlight.handle(() -> handled.set(true));
        assertTrue(handled.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
