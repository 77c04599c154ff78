package eu.privacysuite.shared.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * DOWN while the broker has refused rows for good ({@code /q/health/group/outbox}): something for an operator to
 * fix and re-queue, kept out of readiness so that it never takes the service out of rotation.
 */
@HealthGroup("outbox")
@ApplicationScoped
public class ParkedEventsHealthCheck implements HealthCheck {

    private final ParkedEvents outbox;

    public ParkedEventsHealthCheck(ParkedEvents outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        ParkedEvents.Counts counts = outbox.counts();
        return HealthCheckResponse.named("outbox-parked")
                .withData("parked", counts.parked())
                .withData("heldBehindParked", counts.held())
                .status(counts.parked() == 0)
                .build();
    }
}
