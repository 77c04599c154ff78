package eu.privacysuite.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.retention.purges}: retention-service tells the owning service to purge one batch of records.
 * {@code clockStartedUpTo} is the latest clock start of the batch as the ledger knows it: a record whose clock
 * the owner has seen move past it (a new contact in flight) is held, not purged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PurgeOrder(UUID orderId, String service, String category, PurgeAction action, List<String> recordIds,
        Instant clockStartedUpTo) {

    public PurgeOrder {
        recordIds = recordIds == null ? null : List.copyOf(recordIds);
    }
}
