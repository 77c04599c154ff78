package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A newsletter subscription (double opt-in). Kept 3 years after unsubscription (policy art. 3); the
 * {@link #unsubscribeToken} goes in every message so that unsubscribing is one step.
 */
@Entity
@Table(name = "newsletter_subscription")
public class NewsletterSubscription extends ParentalHold {

    public enum Status {
        PENDING, ACTIVE, UNSUBSCRIBED
    }

    @Id
    public UUID id;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "unsubscribe_token", nullable = false)
    public String unsubscribeToken;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** Active once the subscriber confirmed and, for a minor, a parent did too. */
    public boolean readyToActivate() {
        return status == Status.PENDING && confirmedAt != null && !held();
    }
}
