package eu.privacysuite.contact.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.retention.RetentionClocks;

/**
 * The events contact-service emits, through the outbox in the caller's transaction: retention clocks of its
 * records (by record id, never personal data) and visitor links once an address is confirmed.
 */
@ApplicationScoped
public class LifecycleEvents {

    private final Outbox outbox;
    private final EventCodec codec;
    private final RetentionClocks clocks;

    public LifecycleEvents(Outbox outbox, EventCodec codec, RetentionClocks clocks) {
        this.outbox = outbox;
        this.codec = codec;
        this.clocks = clocks;
    }

    @Transactional(TxType.MANDATORY)
    public void clock(String subjectKey, String category, UUID recordId, ClockEvent event, Instant at) {
        clocks.moved(subjectKey, subjectKey, category, recordId.toString(), event, at);
    }

    @Transactional(TxType.MANDATORY)
    public void visitorLinked(String subjectKey, UUID visitorId, UUID requestId) {
        outbox.publish(Topics.SUBJECT_LINKS, subjectKey, codec.envelope(EventTypes.SUBJECT_LINKED,
                requestId.toString(), subjectKey, new SubjectLinked(subjectKey, visitorId.toString())));
    }
}
