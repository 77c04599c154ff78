package eu.privacysuite.retention.rest;

import java.util.List;
import java.util.Map;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.PurgeAction;

/**
 * One category of the retention schedule with what a privacy notice states: description and legal basis in
 * English and French; {@code fed} is false when no service sends its lifecycle events (its records are not purged).
 */
public record PolicyView(String category, String owner, boolean fed, String keep, List<ClockEvent> startsOn,
        PurgeAction action, Map<String, String> description, Map<String, String> legalBasis) {

    static PolicyView of(String category, CategoryRule rule, boolean fed) {
        return new PolicyView(category, rule.owner(), fed, rule.keep().toString(), List.copyOf(rule.startsOn()),
                rule.action(), Map.copyOf(rule.description()), Map.copyOf(rule.legalBasis()));
    }
}
