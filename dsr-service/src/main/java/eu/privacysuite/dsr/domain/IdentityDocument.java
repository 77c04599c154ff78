package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The identity document sent for a request: sealed, one per request, deleted when the request closes. */
@Entity
@Table(name = "identity_document")
public class IdentityDocument extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public int bytes;

    /** The file, base64, sealed with the request id as associated data. */
    @Column(nullable = false, columnDefinition = "text")
    public String sealed;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
