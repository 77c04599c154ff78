package eu.privacysuite.contact.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subject whose processing is restricted (GDPR art. 18): left out of every list, export and mailing. */
@Entity
@Table(name = "restricted_subject")
public class RestrictedSubject {

    @Id
    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "restricted_at", nullable = false)
    public Instant restrictedAt;
}
