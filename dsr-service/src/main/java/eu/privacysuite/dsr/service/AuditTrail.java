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

    @Transactional(TxType.MANDATORY)
    public void record(UUID requestId, String event) {
        DsrAuditEntry entry = new DsrAuditEntry();
        entry.requestId = requestId;
        entry.at = Instant.now(clock);
        entry.event = event;
        entries.persist(entry);
    }
}
