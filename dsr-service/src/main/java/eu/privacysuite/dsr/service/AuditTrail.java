package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.domain.DsrAuditEntry;
import eu.privacysuite.dsr.domain.DsrAuditEntryRepository;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.shared.events.ServiceName;

/**
 * Writes a request's history in the transaction of the step it records, each entry chained by hash to the one
 * before it (AuditChain). Entries name the actor (a service, or the subject of the controller's token) and what
 * was done, never the data subject. Append-only: nothing here changes or removes an entry.
 */
@ApplicationScoped
public class AuditTrail {

    /** A request's trail as written, and whether its chain verifies. */
    public record Trail(List<DsrAuditEntry> entries, AuditChain.Verdict verdict) {
    }

    private final DsrAuditEntryRepository entries;
    private final DsrRequestRepository requests;
    private final Clock clock;
    /** The actor of the steps the saga takes by itself. */
    private final ServiceName service;

    public AuditTrail(DsrAuditEntryRepository entries, DsrRequestRepository requests, Clock clock, ServiceName service) {
        this.service = service;
        this.entries = entries;
        this.requests = requests;
        this.clock = clock;
    }

    /** A step the saga took by itself. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID requestId, String event) {
        record(requestId, service.get(), event);
    }

    /** A step taken by {@code actor}: the token's subject for the controller's acts, a service name otherwise. */
    @Transactional(TxType.MANDATORY)
    public void record(UUID requestId, String actor, String event) {
        entries.append(requestId, Instant.now(clock), actor, event);
    }

    /** The request's trail, oldest first, with the chain's verdict; empty if there is no such request. */
    @Transactional
    public Optional<Trail> read(UUID requestId) {
        if (requests.findByIdOptional(requestId).isEmpty()) {
            return Optional.empty();
        }
        DsrAuditEntryRepository.Head head = entries.readHead(requestId);
        List<DsrAuditEntry> written = entries.ofRequest(requestId);
        return Optional.of(new Trail(written, AuditChain.verify(written, head.entries(), head.hash())));
    }
}
