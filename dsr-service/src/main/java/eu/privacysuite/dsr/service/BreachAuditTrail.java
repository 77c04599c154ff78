package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.domain.BreachAuditEntry;
import eu.privacysuite.dsr.domain.BreachAuditRepository;
import eu.privacysuite.dsr.domain.BreachRepository;
import eu.privacysuite.dsr.domain.DsrAuditEntryRepository;

/**
 * A breach's history in the register, written in the transaction of the step it records and chained by hash with
 * AuditChain, as a request's trail is. Append-only (and, unlike a request's, never purged: a trigger refuses it).
 */
@ApplicationScoped
public class BreachAuditTrail {

    /** A breach's trail as written, and whether its chain verifies. */
    public record Trail(List<BreachAuditEntry> entries, AuditChain.Verdict verdict) {
    }

    private final BreachAuditRepository entries;
    private final BreachRepository breaches;
    private final Clock clock;

    public BreachAuditTrail(BreachAuditRepository entries, BreachRepository breaches, Clock clock) {
        this.entries = entries;
        this.breaches = breaches;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void record(UUID breachId, String actor, String event) {
        entries.append(breachId, Instant.now(clock), actor, event);
    }

    /** The breach's trail, oldest first, with the chain's verdict; empty if there is no such breach. */
    @Transactional
    public Optional<Trail> read(UUID breachId) {
        if (breaches.findByIdOptional(breachId).isEmpty()) {
            return Optional.empty();
        }
        DsrAuditEntryRepository.Head head = entries.readHead(breachId);
        List<BreachAuditEntry> written = entries.ofBreach(breachId);
        return Optional.of(new Trail(written, AuditChain.verify(written, head.entries(), head.hash())));
    }
}
