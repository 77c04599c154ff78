package eu.privacysuite.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.retention.purges}: retention-service tells the owning service to purge one batch of records.
 * {@code clockStartedUpTo} is the latest clock start of the batch as the ledger knows it: a record whose clock
 * the owner has seen move past it (a new contact in flight) is held, not purged.
 *
 * <p>Every service that owns records reads the topic; the record's key names the owner ({@link #key}), so that the
 * others skip an order without reading its body (docs/performance.md, "Where the sweep's CPU goes").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PurgeOrder(UUID orderId, String service, String category, PurgeAction action, List<String> recordIds,
        Instant clockStartedUpTo) {

    public PurgeOrder {
        recordIds = recordIds == null ? null : List.copyOf(recordIds);
    }

    /** The record key of an order on the topic: {@code <owner>/<orderId>}. */
    public static String key(String service, UUID orderId) {
        return service + "/" + orderId;
    }

    /**
     * Whether a record of this key is an order for another owner than {@code service}. A key without an owner (an
     * order sent before the owner was in the key, or by hand) says nothing: its body must be read to know.
     */
    public static boolean addressedElsewhere(String key, String service) {
        int slash = key == null ? -1 : key.lastIndexOf('/');
        return slash > 0 && !key.substring(0, slash).equals(service);
    }
}
