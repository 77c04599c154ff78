package eu.privacysuite.retention.rest;

import java.util.List;

import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.ClockEvent;

/** One rule of the retention schedule as the API shows it; {@code keep} is an ISO-8601 period (P3Y). */
public record CategoryRuleView(String category, String owner, String keep, List<ClockEvent> startsOn,
        PurgeAction action) {

    public static CategoryRuleView of(String category, CategoryRule rule) {
        return new CategoryRuleView(category, rule.owner(), rule.keep().toString(), List.copyOf(rule.startsOn()),
                rule.action());
    }
}
