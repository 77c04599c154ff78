package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One batch of due records ordered purged from their owner, and what the owner reported. */
@Entity
@Table(name = "purge_order")
public class PurgeOrderEntity extends PurgeBatch {

    @Id
    public UUID id;

    @Column(name = "sweep_id", nullable = false)
    public UUID sweepId;

    @Column(name = "record_count", nullable = false)
    public int recordCount;

    @Column(name = "clock_started_up_to", nullable = false)
    public Instant clockStartedUpTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_sent_at", nullable = false)
    public Instant lastSentAt;

    @Column(name = "order_event", nullable = false, columnDefinition = "text")
    public String orderEvent;

    /** DELIVERING: when the sender may take it (again); the lease of a delivery under way. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    @Column(name = "last_fault")
    public String lastFault;

    @Column(name = "failure_reason")
    public String failureReason;

    /** FAILED with the reason the controller reads (no personal data: a status code, a missing setting). */
    public void fail(String reason) {
        status = OrderStatus.FAILED;
        failureReason = reason;
        nextAttemptAt = null;
    }

    /** To be posted to the external owner now (again). */
    public void deliverNow(Instant now) {
        status = OrderStatus.DELIVERING;
        nextAttemptAt = now;
    }
}
