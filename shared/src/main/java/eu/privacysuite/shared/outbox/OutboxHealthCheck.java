package eu.privacysuite.shared.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/** Ready only while events leave the outbox: a stuck relay (broker gone, bad credentials) shows here. */
@Readiness
@Startup // so that the pending-events gauge exists from the first scrape, before any health probe
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxHealthCheck(EntityManager entityManager, OutboxConfig config, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        Gauge.builder("privacy.outbox.pending", this, OutboxHealthCheck::pending)
                .description("events written but not yet published").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select count(*), min(created_at) from outbox_event").getSingleResult());
        long pending = ((Number) row[0]).longValue();
        Duration lag = row[1] == null ? Duration.ZERO : Duration.between(toInstant(row[1]), Instant.now(clock));
        response.withData("pending", pending).withData("oldestSeconds", lag.toSeconds());
        return response.status(lag.compareTo(config.maxLag()) <= 0).build();
    }

    private double pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).doubleValue());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
