package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One submission of the contact form, with the details it carried and its own retention clock. It joins the
 * prospect file ({@link #prospect}) only once its address is confirmed and, for a minor, a parent confirmed.
 */
@Entity
@Table(name = "contact_request")
public class ContactRequest {

    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "prospect_id")
    public Prospect prospect;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Embedded
    public ContactDetails details = new ContactDetails();

    @Column(nullable = false)
    public String language;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    @Column(name = "visitor_id")
    public UUID visitorId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "address_confirmed_at")
    public Instant addressConfirmedAt;

    @Column(nullable = false)
    public boolean minor;

    @Column(name = "parent_email")
    public String parentEmail;

    @Column(name = "parent_confirmed_at")
    public Instant parentConfirmedAt;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    /** A minor's request waits for a parent's confirmation before anything is used for prospecting. */
    public boolean held() {
        return minor && parentConfirmedAt == null;
    }

    public boolean addressConfirmed() {
        return addressConfirmedAt != null;
    }
}
