package eu.privacysuite.shared.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.retention.purge-reports}: what the owner did with each record of an order. Purged: deleted or
 * anonymized now; already gone: not there any more (erased, purged before); held: kept, because the owner's own
 * date shows the clock moved after the order was made.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PurgeReport(UUID orderId, String service, String category, List<String> purged,
        List<String> alreadyGone, List<String> held) {

    public PurgeReport {
        purged = purged == null ? List.of() : List.copyOf(purged);
        alreadyGone = alreadyGone == null ? List.of() : List.copyOf(alreadyGone);
        held = held == null ? List.of() : List.copyOf(held);
    }
}
