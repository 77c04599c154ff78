package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.service.BreachPeople;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.problem.InvalidField;

/**
 * The scope of a HIGH_RISK breach (art. 34): {@code everyone} true alone, or the retention categories searched
 * (PROSPECT, NEWSLETTER, MINOR_HOLD, COOKIE_CONSENT) with an optional window on the records' creation
 * ({@code windowFrom} inclusive, {@code windowUntil} exclusive).
 */
public record ScopeForm(@NotNull Boolean everyone, @Size(max = 4) List<@NotNull String> categories,
        Instant windowFrom, Instant windowUntil) {

    BreachScope scope(UUID breachId) {
        List<String> named = categories == null ? List.of() : categories;
        if (everyone) {
            if (!named.isEmpty()) {
                throw new InvalidField("categories", "must be empty when everyone is true");
            }
            if (windowFrom != null || windowUntil != null) {
                throw new InvalidField(windowFrom != null ? "windowFrom" : "windowUntil",
                        "must be absent when everyone is true");
            }
            return new BreachScope(breachId, true, List.of(), null, null);
        }
        if (named.isEmpty()) {
            throw new InvalidField("categories", "must name at least one category unless everyone is true");
        }
        for (String category : named) {
            if (!BreachPeople.SEARCHED.contains(category)) {
                throw new InvalidField("categories", "must each be one of " + String.join(", ", BreachPeople.SEARCHED));
            }
        }
        if (named.stream().distinct().count() != named.size()) {
            throw new InvalidField("categories", "must not name a category twice");
        }
        if (windowFrom != null && windowUntil != null && !windowFrom.isBefore(windowUntil)) {
            throw new InvalidField("windowUntil", "must be after windowFrom");
        }
        return new BreachScope(breachId, false, named.stream().sorted().toList(), windowFrom, windowUntil);
    }
}
