package eu.privacysuite.dsr.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every step of a chained trail records (a request's, a breach's): when, who acted, what happened, and the hash
 * that chains it to the step before it (AuditChain). Each trail adds the record it belongs to. Read with Panache,
 * written only by the append functions in SQL (DsrAuditEntryRepository.append, BreachAuditRepository.append).
 */
@MappedSuperclass
public abstract class ChainedAuditStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** Who acted: a service's name, or the subject of the controller's token. */
    @Column(nullable = false, columnDefinition = "text")
    public String actor;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    /** The hash of the trail's previous step; null for its first. */
    @Column(name = "prev_hash", columnDefinition = "text")
    public String prevHash;

    /** SHA-256 (hex) of this step and prevHash (AuditChain). */
    @Column(nullable = false, columnDefinition = "text")
    public String hash;

    /** The record whose trail this step belongs to: its hash covers this id. */
    public abstract UUID chainId();
}
