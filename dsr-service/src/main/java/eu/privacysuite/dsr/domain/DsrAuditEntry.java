package eu.privacysuite.dsr.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One step of a request's history, kept as proof of compliance, chained by hash to the step before it. It names
 * who acted (a service, or the operator's token subject) and the outcome, never the data subject.
 */
@Entity
@Table(name = "dsr_audit")
public class DsrAuditEntry extends ChainedAuditStep {

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Override
    public UUID chainId() {
        return requestId;
    }
}
