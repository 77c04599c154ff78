package eu.privacysuite.shared.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes outbox rows to Kafka (acks=all, idempotent producer) and deletes them once the broker has them; a
 * row the broker refuses for good is parked (see {@link RelayBatch}, docs/decisions/0006). Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} so replicas share the work. Delivery is at least once: consumers are idempotent.
 * A plain Kafka producer rather than a messaging channel (docs/decisions/0001). The relay thread is supervised:
 * if it ends for any reason but shutdown, the readiness check shows it DOWN and it is started again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RelayBatch batch;
    private final RelayClients clients;
    private final OutboxConfig config;
    private final Counter failures;
    private final Counter restarts;
    private final Semaphore wakeUp = new Semaphore(0);
    private ScheduledExecutorService supervisor;
    private KafkaProducer<String, String> producer;
    private Admin admin;
    private volatile KnownTopics topics;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(RelayBatch batch, RelayClients clients, OutboxConfig config, MeterRegistry registry) {
        this.batch = batch;
        this.clients = clients;
        this.config = config;
        this.failures = Counter.builder("privacy.outbox.failures").description("relay rounds that met a fault")
                .register(registry);
        this.restarts = Counter.builder("privacy.outbox.relay.restarts")
                .description("times the relay thread ended unexpectedly and was started again").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = clients.producer();
        admin = clients.admin();
        topics = new KnownTopics(admin);
        supervisor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-relay-supervisor"));
        running = true;
        launch();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        Thread current = worker;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** A commit wrote an event: publish now rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    /** An operator re-queued parked rows after a fix (topic created, limit raised): look topics up again. */
    void requeued() {
        KnownTopics known = topics;
        if (known != null) {
            known.forgetAll();
        }
        wake();
    }

    /** Whether this instance is meant to relay and its thread is alive (false while it waits to be restarted). */
    public RelayState state() {
        if (!config.relayEnabled()) {
            return RelayState.DISABLED;
        }
        Thread current = worker;
        return current != null && current.isAlive() ? RelayState.RUNNING : RelayState.DEAD;
    }

    /** The relay's thread states, as the readiness check reports them. */
    public enum RelayState {
        RUNNING, DEAD, DISABLED
    }

    private synchronized void launch() {
        if (!running) {
            return;
        }
        Thread thread = daemon(this::supervised, "outbox-relay");
        worker = thread;
        thread.start();
    }

    private void supervised() {
        Throwable cause = null;
        try {
            loop();
        } catch (Throwable t) { // an Error too: whatever ended the thread must be seen and the relay restarted
            cause = t;
        }
        if (running) {
            restarts.increment();
            LOG.errorf(cause, "outbox relay thread ended unexpectedly; starting it again in %s", config.restartDelay());
            try {
                supervisor.schedule(this::launch, config.restartDelay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                LOG.debug("supervisor already stopped", e);
            }
        }
    }

    private void loop() throws InterruptedException {
        Duration backoff = config.pollInterval();
        boolean afterFault = false;
        while (running) {
            RelayBatch.Outcome outcome;
            try {
                outcome = batch.relay(producer, topics, afterFault);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
                    throw new InterruptedException("outbox relay interrupted");
                }
                outcome = new RelayBatch.Outcome(0, 0, e);
            }
            afterFault = outcome.fault() != null;
            if (outcome.fault() != null) {
                failures.increment();
                LOG.warnf("outbox relay round met a fault, retrying in %s: %s", backoff, rootMessage(outcome.fault()));
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } else {
                backoff = config.pollInterval();
                if (outcome.published() == 0 && outcome.parked() == 0) {
                    await(config.pollInterval());
                }
            }
        }
    }

    private void await(Duration duration) throws InterruptedException {
        wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
