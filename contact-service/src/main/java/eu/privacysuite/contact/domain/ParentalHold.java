package eu.privacysuite.contact.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * What a minor's contact request and newsletter subscription both carry (policy art. 10): the parent's address, the
 * parent's confirmation and the deadline after which an unconfirmed hold is deleted.
 */
@MappedSuperclass
public abstract class ParentalHold {

    @Column(nullable = false)
    public boolean minor;

    @Column(name = "parent_email")
    public String parentEmail;

    @Column(name = "parent_confirmed_at")
    public Instant parentConfirmedAt;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    /** A minor's record waits for a parent's confirmation before it is used. */
    public boolean held() {
        return minor && parentConfirmedAt == null;
    }
}
