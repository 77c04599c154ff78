package eu.privacysuite.shared.inbox;

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
 * Keeps a graceful shutdown from dead-lettering events. Every consumer handles its message through
 * {@link #handle(Runnable)}. When the service stops, handlers already running finish while the database is
 * still open, and a message dispatched after that is held unacknowledged: its offset is not committed, so
 * Kafka delivers it again after the restart instead of the consumer failing it into the DLQ.
 */
@ApplicationScoped
public class InFlightMessages {

    private static final Logger LOG = Logger.getLogger(InFlightMessages.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;

    public void handle(Runnable handler) {
        if (stopping) {
            holdUnacknowledged();
        }
        running.incrementAndGet();
        try {
            handler.run();
        } finally {
            running.decrementAndGet();
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
