package eu.privacysuite.consent.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.consent.domain.VisitorLinkRepository;
import eu.privacysuite.shared.erasure.ErasureTombstones;

/**
 * Records that a visitor identified themselves as a subject. Erased stays erased: a link made before the
 * subject's erasure but delivered after it keeps no link and deletes the visitor's consent proofs.
 */
@ApplicationScoped
public class SubjectLinks {

    private static final Logger LOG = Logger.getLogger(SubjectLinks.class);

    private final ErasureTombstones tombstones;
    private final VisitorLinkRepository links;
    private final ConsentErasure erasure;

    public SubjectLinks(ErasureTombstones tombstones, VisitorLinkRepository links, ConsentErasure erasure) {
        this.tombstones = tombstones;
        this.links = links;
        this.erasure = erasure;
    }

    /** In the caller's transaction; {@code eventId} only names the event in the log. */
    @Transactional(TxType.MANDATORY)
    public void link(UUID visitorId, String subjectKey, Instant linkedAt, UUID eventId) {
        if (tombstones.erasedSince(subjectKey, linkedAt)) {
            long deleted = erasure.deleteProofsOf(List.of(visitorId));
            LOG.infof("subject link %s predates its subject's erasure: no link kept, %d consent proof(s) deleted",
                    eventId, deleted);
            return;
        }
        links.link(visitorId, subjectKey, linkedAt);
    }
}
