package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.dsr.DsrParticipant;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;

/** Erasure in the prospect file: the prospect and every message they sent are deleted. */
@ApplicationScoped
public class ContactErasure implements DsrParticipant {

    private final ProspectRepository prospects;
    private final ContactRequestRepository requests;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Clock clock;

    public ContactErasure(ProspectRepository prospects, ContactRequestRepository requests, Outbox outbox,
            EventCodec codec, Clock clock) {
        this.prospects = prospects;
        this.requests = requests;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public String service() {
        return ContactService.SERVICE;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public long erase(String subjectKey, List<String> visitorIds) {
        long erased = requests.deleteBySubjectKey(subjectKey);
        var prospect = prospects.findBySubjectKey(subjectKey);
        if (prospect.isPresent()) {
            String recordId = prospect.get().id.toString();
            prospects.delete(prospect.get());
            erased++;
            outbox.publish(Topics.RETENTION_LIFECYCLE, subjectKey, codec.envelope(EventTypes.RETENTION_CLOCK, recordId,
                    subjectKey, new RetentionClock(ContactService.SERVICE, ContactService.PROSPECT, recordId,
                            ClockEvent.RECORD_DELETED, Instant.now(clock))));
        }
        return erased;
    }
}
