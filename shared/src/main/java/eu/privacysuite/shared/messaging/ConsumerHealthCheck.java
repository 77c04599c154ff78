package eu.privacysuite.shared.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while a consumer holds a message because of a fault, with the topic, the kind of fault and since when. */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final ConsumerFaults faults;

    public ConsumerHealthCheck(ConsumerFaults faults) {
        this.faults = faults;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers");
        var current = faults.current();
        current.forEach((topic, fault) -> response.withData(topic, "retrying after a " + fault.kind() + " since "
                + fault.since() + " (" + fault.attempts() + " attempts)"));
        return response.status(current.isEmpty()).build();
    }
}
