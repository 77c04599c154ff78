package eu.privacysuite.retention.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import eu.privacysuite.shared.events.PurgeAction;

/**
 * What a purge order and its evidence both state: which owner purged which category under which rule, when it was
 * ordered and reported, and the counts the owner reported (null on an order until its report).
 */
@MappedSuperclass
public abstract class PurgeBatch {

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurgeAction action;

    @Column(nullable = false)
    public String rule;

    @Column(name = "ordered_at", nullable = false)
    public Instant orderedAt;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public Integer purged;

    @Column(name = "already_gone")
    public Integer alreadyGone;

    public Integer held;

    /** Takes what another batch states, as the evidence of a reported order does. */
    protected void copyBatch(PurgeBatch from) {
        service = from.service;
        category = from.category;
        action = from.action;
        rule = from.rule;
        orderedAt = from.orderedAt;
        reportedAt = from.reportedAt;
        purged = from.purged;
        alreadyGone = from.alreadyGone;
        held = from.held;
    }
}
