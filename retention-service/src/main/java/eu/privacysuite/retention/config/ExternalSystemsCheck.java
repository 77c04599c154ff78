package eu.privacysuite.retention.config;

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
 * Refuses to start with an external system that could not feed what it claims: a short key, a category that is
 * not in the schedule, one whose rule names another owner, or one a service of the suite already feeds.
 */
@ApplicationScoped
public class ExternalSystemsCheck {

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
            String prefix = "privacy.retention.external.systems." + name + ".";
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                problems.add(prefix + ": the name must be lower-case letters, digits and dashes");
            }
            if (e.getValue().signingKey().length() < 32) {
                problems.add(prefix + "signing-key must be at least 32 characters");
            }
            if (e.getValue().categories().isEmpty()) {
                problems.add(prefix + "categories must name at least one category");
            }
            for (String category : e.getValue().categories()) {
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
        }
        return problems;
    }
}
