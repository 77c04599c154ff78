package eu.privacysuite.consent.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A pseudonymous visitor who identified themselves as a subject (a contact form sent from the same browser). */
@Entity
@Table(name = "visitor_link")
@IdClass(VisitorLink.Key.class)
public class VisitorLink extends PanacheEntityBase {

    @Id
    @Column(name = "visitor_id")
    public UUID visitorId;

    @Id
    @Column(name = "subject_key")
    public String subjectKey;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    /** Set while the subject's processing is restricted (GDPR art. 18): their visitors' proofs are not purged. */
    @Column(name = "restricted_at")
    public Instant restrictedAt;

    public record Key(UUID visitorId, String subjectKey) implements Serializable {
    }
}
