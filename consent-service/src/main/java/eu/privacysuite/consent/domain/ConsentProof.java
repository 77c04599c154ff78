package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The proof that a visitor made a cookie choice on a site: the policy version and banner text they saw, their
 * decision for every service, how they chose, and when. Append-only (a database trigger refuses updates), chained
 * by hash to the visitor's previous proof, and kept 13 months at most (policy art. 3); a visit never extends it.
 */
@Entity
@Table(name = "consent_proof")
public class ConsentProof extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Column(name = "visitor_id", nullable = false)
    public UUID visitorId;

    /** 1 for a visitor's first proof, then one more for each; 0 for a proof recorded before chains existed. */
    @Column(nullable = false)
    public int seq;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentAction action;

    /** Service id to accepted (true) or refused (false), for every service of the site. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Boolean> decisions;

    /** SHA-256 of the banner text the visitor was shown (hex), as the banner computed it. */
    @Column(name = "banner_text_hash")
    public String bannerTextHash;

    public String language;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ask_again_at", nullable = false)
    public Instant askAgainAt;

    /** The address truncated to its /24 (IPv4) or /48 (IPv6) network. */
    @Column(name = "ip_prefix")
    public String ipPrefix;

    @Column(name = "browser_family")
    public String browserFamily;

    @Column(nullable = false)
    public boolean gpc;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
