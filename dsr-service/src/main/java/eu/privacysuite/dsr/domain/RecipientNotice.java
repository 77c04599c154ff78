package eu.privacysuite.dsr.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * GDPR art. 19: the notice owed to one recipient of the data (a processor the policy names) of a completed
 * RECTIFICATION, ERASURE or RESTRICTION. It names the request and the recipient, never the person. Delivery over
 * the channel is issue 20: until then {@code deliveredAt} stays null and the controller passes the notice on.
 */
@Entity
@Table(name = "dsr_recipient_notice")
@IdClass(RecipientNotice.Key.class)
public class RecipientNotice extends PanacheEntityBase {

    public record Key(UUID requestId, String recipient) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    /** The recipient's id in dsr.recipients. */
    @Id
    public String recipient;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String channel;

    public String contact;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
