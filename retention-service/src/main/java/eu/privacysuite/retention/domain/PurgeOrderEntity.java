package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.privacysuite.shared.events.PurgeAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One batch of due records ordered purged from their owner, and what the owner reported. */
@Entity
@Table(name = "purge_order")
public class PurgeOrderEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sweep_id", nullable = false)
    public UUID sweepId;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurgeAction action;

    @Column(nullable = false)
    public String rule;

    @Column(name = "record_count", nullable = false)
    public int recordCount;

    @Column(name = "clock_started_up_to", nullable = false)
    public Instant clockStartedUpTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "ordered_at", nullable = false)
    public Instant orderedAt;

    @Column(name = "last_sent_at", nullable = false)
    public Instant lastSentAt;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public Integer purged;

    @Column(name = "already_gone")
    public Integer alreadyGone;

    public Integer held;

    @Column(name = "order_event", nullable = false, columnDefinition = "text")
    public String orderEvent;
}
