package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person in the prospect file, one per subject key, made from the first confirmed contact request. Kept 3
 * years after collection or last contact (policy art. 3); only the controller recording a contact moves it.
 */
@Entity
@Table(name = "prospect")
public class Prospect {

    @Id
    public UUID id;

    @Column(name = "subject_key", nullable = false, unique = true)
    public String subjectKey;

    @Embedded
    public ContactDetails details = new ContactDetails();

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    @Column(name = "last_contact_at", nullable = false)
    public Instant lastContactAt;
}
