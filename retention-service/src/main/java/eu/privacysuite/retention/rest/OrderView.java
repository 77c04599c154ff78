package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.UUID;

import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.shared.events.PurgeAction;

/**
 * A purge order as the controller follows it: counts only, never the record ids. For an external system's order, the
 * HTTP exchanges tried and the last fault; for a FAILED one, why.
 */
public record OrderView(UUID id, UUID sweepId, String service, String category, PurgeAction action, String rule,
        int recordCount, OrderStatus status, int attempts, Instant orderedAt, Instant lastSentAt, Instant reportedAt,
        Integer purged, Integer alreadyGone, Integer held, int deliveryAttempts, String lastFault,
        String failureReason) {

    static OrderView of(PurgeOrderEntity o) {
        return new OrderView(o.id, o.sweepId, o.service, o.category, o.action, o.rule, o.recordCount, o.status,
                o.attempts, o.orderedAt, o.lastSentAt, o.reportedAt, o.purged, o.alreadyGone, o.held,
                o.deliveryAttempts, o.lastFault, o.failureReason);
    }
}
