package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.domain.DsrAuditEntry;
import eu.privacysuite.dsr.domain.DsrAuditRepository;

/** Writes a request's history in the transaction of the step it records. Entries name services, never people. */
@ApplicationScoped
public class AuditTrail {

    private final DsrAuditRepository entries;
    private final Clock clock;

    public AuditTrail(DsrAuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** A step the saga took by itself. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID requestId, String event) {
        record(requestId, "dsr-service", event);
    }

    /** A step taken by {@code actor}: the token's subject for the controller's acts, a service name otherwise. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID requestId, String actor, String event) {
        DsrAuditEntry entry = new DsrAuditEntry();
        entry.requestId = requestId;
        entry.at = Instant.now(clock);
        entry.event = actor + ": " + event;
        entries.persist(entry);
    }
}
