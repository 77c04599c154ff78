package eu.privacysuite.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message a prospect sent through the site's contact form. */
@Entity
@Table(name = "contact_request")
public class ContactRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "prospect_id")
    public Prospect prospect;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    @Column(name = "visitor_id")
    public UUID visitorId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
