package eu.privacysuite.shared.retention;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.ServiceName;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;

/**
 * Tells retention-service, through the outbox in the caller's transaction, that a record's clock moved: the one way
 * a service builds a {@link RetentionClock}, named after this service and a {@link RetentionCategories} category.
 */
@ApplicationScoped
public class RetentionClocks {

    private final Outbox outbox;
    private final EventCodec codec;
    private final ServiceName service;

    public RetentionClocks(Outbox outbox, EventCodec codec, ServiceName service) {
        this.outbox = outbox;
        this.codec = codec;
        this.service = service;
    }

    /**
     * @param key the record key on the lifecycle topic (the subject or visitor, so that a subject's clocks keep order)
     * @param subjectKey the envelope's subject key, or null where the event names no subject
     */
    public void moved(String key, String subjectKey, String category, String recordId, ClockEvent event, Instant at) {
        outbox.publish(Topics.RETENTION_LIFECYCLE, key, codec.envelope(EventTypes.RETENTION_CLOCK, recordId, subjectKey,
                new RetentionClock(service.get(), category, recordId, event, at)));
    }
}
