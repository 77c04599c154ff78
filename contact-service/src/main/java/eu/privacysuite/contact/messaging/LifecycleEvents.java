package eu.privacysuite.contact.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;

/**
 * The events contact-service emits, through the outbox in the caller's transaction: retention clocks of its
 * records (by record id, never personal data) and visitor links once an address is confirmed.
 */
@ApplicationScoped
public class LifecycleEvents {

    public static final String SERVICE = "contact-service";
    /** Contact requests (table contact_request) and prospects (table prospect): 3 years from collection or last contact. */
    public static final String PROSPECT = "PROSPECT";
    /** Newsletter subscriptions (table newsletter_subscription): 3 years from unsubscription. */
    public static final String NEWSLETTER = "NEWSLETTER";
    /** A minor's submission waiting for a parent (contact_request or newsletter_subscription id). */
    public static final String MINOR_HOLD = "MINOR_HOLD";

    private final Outbox outbox;
    private final EventCodec codec;

    public LifecycleEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    @Transactional(TxType.MANDATORY)
    public void clock(String subjectKey, String category, UUID recordId, ClockEvent event, Instant at) {
        String id = recordId.toString();
        outbox.publish(Topics.RETENTION_LIFECYCLE, subjectKey, codec.envelope(EventTypes.RETENTION_CLOCK, id,
                subjectKey, new RetentionClock(SERVICE, category, id, event, at)));
    }

    @Transactional(TxType.MANDATORY)
    public void visitorLinked(String subjectKey, UUID visitorId, UUID requestId) {
        outbox.publish(Topics.SUBJECT_LINKS, subjectKey, codec.envelope(EventTypes.SUBJECT_LINKED,
                requestId.toString(), subjectKey, new SubjectLinked(subjectKey, visitorId.toString())));
    }
}
