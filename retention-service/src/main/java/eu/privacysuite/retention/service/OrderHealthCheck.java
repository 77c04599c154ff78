package eu.privacysuite.retention.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;

/**
 * Purge orders FAILED (after every attempt, or refused by an external system) make this check DOWN ({@code /q/health/well} and {@code /q/health}).
 * It is a wellness check, not readiness: the service still works, but records are outliving the policy.
 */
@Wellness
@ApplicationScoped
public class OrderHealthCheck implements HealthCheck {

    private final PurgeOrderRepository orders;

    public OrderHealthCheck(PurgeOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public HealthCheckResponse call() {
        long[] counts = QuarkusTransaction.requiringNew().call(() -> new long[] {
                orders.countByStatus(OrderStatus.FAILED), orders.countByStatus(OrderStatus.SENT),
                orders.countByStatus(OrderStatus.DELIVERING) });
        return HealthCheckResponse.named("retention-purge-orders").status(counts[0] == 0)
                .withData("failed", counts[0]).withData("awaitingReport", counts[1]).withData("delivering", counts[2]).build();
    }
}
