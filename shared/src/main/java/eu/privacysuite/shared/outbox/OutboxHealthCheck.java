package eu.privacysuite.shared.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Ready only while events leave the outbox: a dead relay thread, or a stuck one (broker gone, bad credentials),
 * shows here. Parked rows are reported but do not make the service unready: every replica shares the outbox, so
 * one refused row would otherwise take the whole service out; {@link ParkedEventsHealthCheck} flags them.
 */
@Readiness
@Startup // so that the outbox gauges exist from the first scrape, before any health probe
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final ParkedEvents outbox;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxHealthCheck(ParkedEvents outbox, OutboxRelay relay, OutboxConfig config, Clock clock,
            MeterRegistry registry) {
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
        Gauge.builder("privacy.outbox.pending", outbox, o -> o.counts().pending())
                .description("events written but not yet published, parked ones excepted").register(registry);
        Gauge.builder("privacy.outbox.parked", outbox, o -> o.counts().parked())
                .description("events the broker refused for good, waiting for an operator to re-queue them")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        ParkedEvents.Counts counts = outbox.counts();
        Duration lag = counts.oldestPublishable() == null ? Duration.ZERO
                : Duration.between(counts.oldestPublishable(), clock.instant());
        OutboxRelay.RelayState state = relay.state();
        return HealthCheckResponse.named("outbox")
                .withData("relay", state.name())
                .withData("pending", counts.pending())
                .withData("parked", counts.parked())
                .withData("heldBehindParked", counts.held())
                .withData("oldestSeconds", lag.toSeconds())
                .status(state != OutboxRelay.RelayState.DEAD && lag.compareTo(config.maxLag()) <= 0)
                .build();
    }
}
