package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.privacysuite.shared.events.PurgeAction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a regulator reads: which order, which rule, how many records, when. No record ids, no subjects. */
@Entity
@Table(name = "purge_evidence")
public class PurgeEvidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PurgeAction action;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public int purged;

    @Column(name = "already_gone", nullable = false)
    public int alreadyGone;

    @Column(nullable = false)
    public int held;

    @Column(name = "ordered_at", nullable = false)
    public Instant orderedAt;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
}
