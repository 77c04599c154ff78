package eu.privacysuite.shared.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Keeps a shutdown from cutting a message in half. Every consumer handles its message through
 * {@link #handle(Runnable)}. When the service stops, handlers already running finish while the database is still
 * open, and a message dispatched after that (or a handler waiting to retry a fault) is held unacknowledged: its
 * offset is not committed, so Kafka delivers it again after the restart.
 */
@ApplicationScoped
public class InFlightMessages {

    private static final Logger LOG = Logger.getLogger(InFlightMessages.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SLICE = Duration.ofMillis(50);

    private final AtomicInteger running = new AtomicInteger();
    private final Runnable betweenCountAndCheck;
    private volatile boolean stopping;

    public InFlightMessages() {
        this(() -> {
        });
    }

    /** For the race test: runs between counting a handler in and checking for a shutdown. */
    InFlightMessages(Runnable betweenCountAndCheck) {
        this.betweenCountAndCheck = betweenCountAndCheck;
    }

    public void handle(Runnable handler) {
        // Counted before the check: a shutdown that set the flag after the check waits for this handler.
        running.incrementAndGet();
        betweenCountAndCheck.run();
        if (stopping) {
            running.decrementAndGet();
            holdUnacknowledged();
        }
        try {
            handler.run();
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Waits before a handler's next attempt after a fault. During a shutdown the handler gives up instead: it stops
     * counting as running and is held unacknowledged, never failed. Only called from inside {@link #handle}.
     */
    public void pauseBeforeRetry(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            if (stopping) {
                running.decrementAndGet();
                holdUnacknowledged();
            }
            LockSupport.parkNanos(Math.min(SLICE.toNanos(), Math.max(0, deadline - System.nanoTime())));
        } while (System.nanoTime() < deadline);
        if (stopping) {
            running.decrementAndGet();
            holdUnacknowledged();
        }
    }

    /** Before the shutdown closes the database: stop taking messages and let the running ones finish. */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        if (running.get() > 0) {
            LOG.warnf("%d message(s) still being handled at shutdown; they will be delivered again", running.get());
        }
    }

    private static void holdUnacknowledged() {
        while (true) {
            // The process is ending; this thread ends with it, its message never acknowledged.
            LockSupport.park();
        }
    }
}
