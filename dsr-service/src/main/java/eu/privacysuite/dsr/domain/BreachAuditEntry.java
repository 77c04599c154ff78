package eu.privacysuite.dsr.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One step of a breach's history in the register, chained by hash to the step before it (as DsrAuditEntry). */
@Entity
@Table(name = "breach_audit")
public class BreachAuditEntry extends ChainedAuditStep {

    @Column(name = "breach_id", nullable = false)
    public UUID breachId;

    @Override
    public UUID chainId() {
        return breachId;
    }
}
