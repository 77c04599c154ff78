package eu.privacysuite.retention.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.RetentionCategories;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with an external system that could not feed what it claims or receive its purge orders: a short
 * key, a category that is not in the schedule, one whose rule names another owner, one a service of the suite already
 * feeds, a purge endpoint that is not HTTPS (plain HTTP only to a loopback address), a timeout, backoff or send
 * interval that is not positive, or a report base that is not an absolute HTTP(S) URL. Each problem names its property.
 */
@ApplicationScoped
public class ExternalSystemsCheck {

    private static final String PREFIX = "privacy.retention.external.";

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            RetentionSchedule schedule, ExternalSystems systems) {
        List<String> problems = problems(schedule, systems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("An external retention system is misconfigured: " + String.join("; ", problems));
        }
    }

    public static List<String> problems(RetentionSchedule schedule, ExternalSystems systems) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ExternalSystems.System> e : new TreeMap<>(systems.systems()).entrySet()) {
            String name = e.getKey();
            String prefix = PREFIX + "systems." + name + ".";
            ExternalSystems.System system = e.getValue();
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                problems.add(prefix + ": the name must be lower-case letters, digits and dashes");
            }
            if (system.signingKey().length() < 32) {
                problems.add(prefix + "signing-key must be at least 32 characters");
            }
            if (system.categories().isEmpty()) {
                problems.add(prefix + "categories must name at least one category");
            }
            for (String category : system.categories()) {
                CategoryRule rule = schedule.categories().get(category);
                if (rule == null) {
                    problems.add(prefix + "categories: " + category + " is not in the schedule (retention.categories)");
                } else if (!name.equals(rule.owner())) {
                    problems.add(prefix + "categories: " + category + " is owned by " + rule.owner()
                            + " (retention.categories." + category + ".owner)");
                } else if (RetentionCategories.fedByTheSuite(name, category)) {
                    problems.add(prefix + "categories: " + category + " is fed by the suite's " + name);
                }
            }
            system.purgeEndpoint().filter(uri -> !safeEndpoint(uri)).ifPresent(uri -> problems.add(prefix
                    + "purge-endpoint must be an https:// URL (plain http:// only to a loopback address)"));
            positive(problems, prefix + "timeout", system.timeout());
        }
        URI base = systems.reportBase();
        if (!base.isAbsolute() || base.getHost() == null || !List.of("http", "https").contains(base.getScheme())
                || base.getQuery() != null || base.getFragment() != null) {
            problems.add(PREFIX + "report-base must be an absolute http(s):// URL without query or fragment");
        }
        positive(problems, PREFIX + "retry-backoff-min", systems.retryBackoffMin());
        positive(problems, PREFIX + "retry-backoff-max", systems.retryBackoffMax());
        if (systems.retryBackoffMax().compareTo(systems.retryBackoffMin()) < 0) {
            problems.add(PREFIX + "retry-backoff-max must not be shorter than retry-backoff-min");
        }
        positive(problems, PREFIX + "send-interval", systems.sendInterval());
        positive(problems, PREFIX + "replay-window", systems.replayWindow());
        return problems;
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(property + " must be positive");
        }
    }

    /** HTTPS, or plain HTTP to a loopback address (the tests, the local stack): an order names records. */
    static boolean safeEndpoint(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return false;
        }
        return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback(uri.getHost()));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
