package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The proof that a visitor made a cookie choice: which policy version they saw, their decision for every service
 * of the catalogue, and when. Kept 13 months at most (policy art. 3); a later visit never extends it.
 */
@Entity
@Table(name = "consent_proof")
public class ConsentProof extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visitor_id", nullable = false)
    public UUID visitorId;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    /** Service id to accepted (true) or refused (false), for every service of the catalogue. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Boolean> decisions;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ask_again_at", nullable = false)
    public Instant askAgainAt;
}
