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
public class ContactRequest extends ParentalHold {

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

    public boolean addressConfirmed() {
        return addressConfirmedAt != null;
    }
}
