package eu.privacysuite.consent.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.consent.service.ConsentErasure;
import eu.privacysuite.consent.service.SubjectLinks;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Visitors who identified themselves (contact-service) become linked to their subject. */
@ApplicationScoped
public class SubjectLinkConsumer extends EventConsumer<SubjectLinked> {

    private final SubjectLinks links;

    public SubjectLinkConsumer(ConsumerSkeleton skeleton, SubjectLinks links) {
        super(skeleton, Topics.SUBJECT_LINKS, EventTypes.SUBJECT_LINKED, SubjectLinked.class);
        this.links = links;
    }

    @Incoming(Topics.SUBJECT_LINKS)
    @Blocking(ordered = true)
    public void onLinked(String value) {
        consume(value);
    }

    @Override
    protected void validate(EventEnvelope envelope, SubjectLinked linked) {
        if (subjectKey(envelope, linked) == null || !ConsentErasure.isUuid(linked.visitorId())) {
            throw new MalformedEventException("subject link without subject key or visitor id");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, SubjectLinked linked) {
        links.link(UUID.fromString(linked.visitorId()), subjectKey(envelope, linked), envelope.occurredAt(),
                envelope.eventId());
    }

    private static String subjectKey(EventEnvelope envelope, SubjectLinked linked) {
        return linked.subjectKey() != null ? linked.subjectKey() : envelope.subjectKey();
    }
}
