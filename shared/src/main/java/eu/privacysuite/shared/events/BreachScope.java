package eu.privacysuite.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The scope of a high-risk breach (GDPR art. 34) as the controller states it: every person a service holds
 * ({@code everyone}), or the records of the retention categories named that were made in the window
 * ({@code from} inclusive, {@code until} exclusive, either end open).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BreachScope(UUID breachId, boolean everyone, List<String> categories, Instant from, Instant until) {

    public BreachScope {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Whether records of this retention category are in scope. */
    public boolean covers(String category) {
        return everyone || categories.contains(category);
    }

    /** Whether a record made at this instant is in the window (always, for everyone). */
    public boolean inWindow(Instant madeAt) {
        return everyone || madeAt != null && (from == null || !madeAt.isBefore(from))
                && (until == null || madeAt.isBefore(until));
    }
}
