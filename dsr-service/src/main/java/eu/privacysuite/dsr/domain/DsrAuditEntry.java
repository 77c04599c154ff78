package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One step of a request's history, kept as proof of compliance, chained by hash to the step before it. It names
 * who acted (a service, or the operator's token subject) and the outcome, never the data subject.
 */
@Entity
@Table(name = "dsr_audit")
public class DsrAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public Instant at;

    /** Who acted: a service's name, or the subject of the controller's token. */
    @Column(nullable = false, columnDefinition = "text")
    public String actor;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    /** The hash of the request's previous entry; null for its first. */
    @Column(name = "prev_hash", columnDefinition = "text")
    public String prevHash;

    /** SHA-256 (hex) of this entry and prevHash (AuditChain). */
    @Column(nullable = false, columnDefinition = "text")
    public String hash;
}
