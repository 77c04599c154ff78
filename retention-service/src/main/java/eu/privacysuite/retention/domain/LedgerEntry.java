package eu.privacysuite.retention.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import eu.privacysuite.shared.events.ClockEvent;

/** One record's retention clock: when it started, by which event, and when the record is due for purging. */
@Entity
@Table(name = "retention_clock")
public class LedgerEntry {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String category;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    /** The blind index of the person the record is about, when there is one; erasure finds the entries by it. */
    @Column(name = "subject_key")
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "clock_event", nullable = false)
    public ClockEvent clockEvent;

    @Column(name = "clock_started_at", nullable = false)
    public Instant clockStartedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The purge order this record is in while its owner has not reported; null otherwise (table purge_order_record). */
    @Formula("(select o.order_id from purge_order_record o where o.clock_id = id)")
    public UUID purgeOrderId;
}
