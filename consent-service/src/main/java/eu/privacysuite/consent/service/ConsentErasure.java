package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.ProofLedger;
import eu.privacysuite.consent.domain.VisitorLinkRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.RetentionClocks;

/**
 * Erasure of cookie consents (for {@link ConsentParticipation}): the proofs of every visitor linked to the subject
 * or named in the request, and the subject's visitor links. Each deleted proof stops its retention clock.
 */
@ApplicationScoped
public class ConsentErasure {

    private static final Logger LOG = Logger.getLogger(ConsentErasure.class);

    private final ConsentProofRepository proofs;
    private final VisitorLinkRepository links;
    private final RetentionClocks clocks;
    private final Clock clock;
    private final ProofLedger ledger;

    public ConsentErasure(ConsentProofRepository proofs, VisitorLinkRepository links, RetentionClocks clocks,
            Clock clock, ProofLedger ledger) {
        this.ledger = ledger;
        this.proofs = proofs;
        this.links = links;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public long erase(String subjectKey, List<String> visitorIds) {
        return deleteProofsOf(visitorsOf(subjectKey, visitorIds)) + links.deleteBySubjectKey(subjectKey);
    }

    /** The visitors linked to the subject, then those the request names (the person's own browsers). */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> visitorsOf(String subjectKey, List<String> visitorIds) {
        Set<UUID> visitors = new LinkedHashSet<>(links.visitorsOf(subjectKey));
        visitors.addAll(parse(visitorIds));
        return visitors;
    }

    /**
     * Deletes every consent proof of these visitors and tells retention-service; returns how many. Each deletion
     * is recorded (proof id and hash only), so the digests show it as lawful.
     */
    @Transactional(TxType.MANDATORY)
    public long deleteProofsOf(Collection<UUID> visitors) {
        List<ConsentProof> doomed = proofs.listByVisitors(visitors);
        Instant now = Instant.now(clock);
        for (ConsentProof proof : doomed) {
            ledger.recordErasure(proof.id, proof.hash, now, "ERASURE");
            proofs.delete(proof);
            clocks.moved(proof.visitorId.toString(), null, RetentionCategories.COOKIE_CONSENT, proof.id.toString(),
                    ClockEvent.RECORD_DELETED, now);
        }
        return doomed.size();
    }

    /** Visitor ids the person gave: one that is not a UUID cannot name a visitor of this site, so it is skipped. */
    private static List<UUID> parse(List<String> visitorIds) {
        List<UUID> parsed = visitorIds.stream().filter(ConsentErasure::isUuid).map(UUID::fromString).toList();
        if (parsed.size() < visitorIds.size()) {
            LOG.warnf("%d visitor id(s) of a DSR command are not UUIDs and were skipped",
                    visitorIds.size() - parsed.size());
        }
        return parsed;
    }

    public static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
