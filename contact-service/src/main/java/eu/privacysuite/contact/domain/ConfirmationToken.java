package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use token sent by mail; only its SHA-256 is stored, and it is deleted when used or expired. */
@Entity
@Table(name = "confirmation_token")
public class ConfirmationToken {

    /** What following the link confirms. */
    public enum Purpose {
        CONTACT_ADDRESS, CONTACT_PARENT, NEWSLETTER_OPT_IN, NEWSLETTER_PARENT
    }

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
