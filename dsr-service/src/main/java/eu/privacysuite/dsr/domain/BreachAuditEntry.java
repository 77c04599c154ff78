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

/** One step of a breach's history in the register, chained by hash to the step before it (as DsrAuditEntry). */
@Entity
@Table(name = "breach_audit")
public class BreachAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "breach_id", nullable = false)
    public UUID breachId;

    @Column(nullable = false)
    public Instant at;

    /** Who acted: the subject of the controller's token, or dsr-service for the clock's watch. */
    @Column(nullable = false, columnDefinition = "text")
    public String actor;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(name = "prev_hash", columnDefinition = "text")
    public String prevHash;

    @Column(nullable = false, columnDefinition = "text")
    public String hash;
}
