package eu.privacysuite.contact.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject who objected to prospecting: never enrolled again, by any form or import. Holds only the key. */
@Entity
@Table(name = "suppressed_subject")
public class SuppressedSubject {

    @Id
    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "suppressed_at", nullable = false)
    public Instant suppressedAt;
}
