package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person in the prospect file, one per subject key, made from the first confirmed contact request. Kept 3
 * years after collection or last contact (policy art. 3); only the controller recording a contact moves it.
 */
@Entity
@Table(name = "prospect")
public class Prospect extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_key", nullable = false, unique = true)
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    public Civility civility;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(name = "postal_address")
    public String postalAddress;

    @Column(columnDefinition = "bpchar(2)")
    public String country;

    @Column(name = "collected_at", nullable = false)
    public Instant collectedAt;

    @Column(name = "last_contact_at", nullable = false)
    public Instant lastContactAt;
}
