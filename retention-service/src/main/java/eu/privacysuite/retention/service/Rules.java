package eu.privacysuite.retention.service;

import java.util.stream.Collectors;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;

/** The schedule rule as the evidence states it, so that a regulator sees which rule each purge applied. */
final class Rules {

    static String describe(String category, CategoryRule rule) {
        return category + ": kept " + rule.keep() + " after "
                + rule.startsOn().stream().map(Enum::name).collect(Collectors.joining(", ")) + ", then "
                + rule.action() + " by " + rule.owner();
    }

    private Rules() {
    }
}
