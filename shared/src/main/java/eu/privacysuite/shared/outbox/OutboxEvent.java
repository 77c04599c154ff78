package eu.privacysuite.shared.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event written in the same transaction as the state change it reports, waiting for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when the broker refused the row for good; it then waits for an operator to re-queue it. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "parked_reason", columnDefinition = "text")
    public String parkedReason;

    /** Set while a relay round sends the row (decision 0050); another relay takes it only once this has passed. */
    @Column(name = "leased_until")
    public Instant leasedUntil;
}
