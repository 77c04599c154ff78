package eu.privacysuite.shared.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This service's name in the suite (envelopes, replies, reports, clocks): {@code quarkus.application.name}, written once. */
@ApplicationScoped
public class ServiceName {

    private final String name;

    public ServiceName(@ConfigProperty(name = "quarkus.application.name") String name) {
        this.name = name;
    }

    public String get() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
