package eu.privacysuite.consent.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.consent.domain.VisitorLinkRepository;
import eu.privacysuite.shared.erasure.ErasureTombstones;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.Inbox;

/**
 * Records that a visitor identified themselves as a subject, once per event. Erased stays erased: a link made
 * before the subject's erasure but delivered after it keeps no link and deletes the visitor's consent proofs.
 */
@ApplicationScoped
public class SubjectLinks {

    private static final Logger LOG = Logger.getLogger(SubjectLinks.class);
    private static final String CONSUMER = Topics.SUBJECT_LINKS;

    private final EventCodec codec;
    private final Inbox inbox;
    private final ErasureTombstones tombstones;
    private final VisitorLinkRepository links;
    private final ConsentErasure erasure;

    public SubjectLinks(EventCodec codec, Inbox inbox, ErasureTombstones tombstones, VisitorLinkRepository links,
            ConsentErasure erasure) {
        this.codec = codec;
        this.inbox = inbox;
        this.tombstones = tombstones;
        this.links = links;
        this.erasure = erasure;
    }

    @Transactional
    public void onLinked(String value) {
        EventEnvelope envelope = codec.read(value);
        SubjectLinked linked = codec.data(envelope, SubjectLinked.class);
        String subjectKey = linked.subjectKey() != null ? linked.subjectKey() : envelope.subjectKey();
        if (subjectKey == null || envelope.occurredAt() == null || !ConsentErasure.isUuid(linked.visitorId())) {
            throw new MalformedEventException("subject link without subject key, time or visitor id");
        }
        if (!inbox.firstDelivery(CONSUMER, envelope.eventId())) {
            LOG.debugf("subject link %s delivered again: already handled", envelope.eventId());
            return;
        }
        UUID visitorId = UUID.fromString(linked.visitorId());
        if (tombstones.erasedSince(subjectKey, envelope.occurredAt())) {
            long deleted = erasure.deleteProofsOf(List.of(visitorId));
            LOG.infof("subject link %s predates its subject's erasure: no link kept, %d consent proof(s) deleted",
                    envelope.eventId(), deleted);
            return;
        }
        links.link(visitorId, subjectKey, envelope.occurredAt());
    }
}
