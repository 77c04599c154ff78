package eu.privacysuite.retention.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.ClockEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with an incomplete schedule: a rule that cannot be applied would let records outlive the
 * policy without anyone noticing. (A rule with a missing property is already refused by the config mapping.)
 */
@ApplicationScoped
public class RetentionScheduleCheck {

    /** Runs before the consumers and the scheduler start, so no event is applied under a broken rule. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, RetentionSchedule schedule) {
        List<String> problems = problems(schedule);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The retention schedule is incomplete: " + String.join("; ", problems));
        }
    }

    /** Every way the schedule falls short, one readable sentence each naming the property to fix. */
    public static List<String> problems(RetentionSchedule schedule) {
        List<String> problems = new ArrayList<>();
        if (schedule.categories().isEmpty()) {
            problems.add("no category under retention.categories: no retention period would be kept");
        }
        for (Map.Entry<String, CategoryRule> category : new TreeMap<>(schedule.categories()).entrySet()) {
            String prefix = "retention.categories." + category.getKey() + ".";
            CategoryRule rule = category.getValue();
            if (rule.owner() == null || rule.owner().isBlank()) {
                problems.add(prefix + "owner is missing");
            }
            if (rule.keep() == null || rule.keep().isNegative()) {
                problems.add(prefix + "keep must be a period of zero or more (e.g. P3Y, P13M, PT2M)");
            }
            if (rule.startsOn() == null || rule.startsOn().isEmpty()) {
                problems.add(prefix + "starts-on must name at least one clock event");
            } else if (rule.startsOn().contains(ClockEvent.RECORD_DELETED)) {
                problems.add(prefix + "starts-on cannot contain RECORD_DELETED: a deletion ends a clock");
            }
            for (String language : List.of("en", "fr")) {
                if (rule.legalBasis().getOrDefault(language, "").isBlank()) {
                    problems.add(prefix + "legal-basis." + language + " is missing");
                }
                if (rule.description().getOrDefault(language, "").isBlank()) {
                    problems.add(prefix + "description." + language + " is missing");
                }
            }
            if (rule.action() == null) {
                problems.add(prefix + "action is missing (DELETE or ANONYMIZE)");
            }
        }
        return problems;
    }
}
