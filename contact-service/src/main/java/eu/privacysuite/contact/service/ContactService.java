package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.contact.rest.ContactRequestForm;
import eu.privacysuite.contact.rest.ContactRequestReceipt;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.SubjectLinked;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.subject.SubjectKeys;

/** Receives contact forms into the prospect file and starts or restarts the prospect's retention clock. */
@ApplicationScoped
public class ContactService {

    static final String SERVICE = "contact-service";
    static final String PROSPECT = "PROSPECT";

    private final ProspectRepository prospects;
    private final ContactRequestRepository requests;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Clock clock;

    public ContactService(ProspectRepository prospects, ContactRequestRepository requests, SubjectKeys subjectKeys,
            Outbox outbox, EventCodec codec, Clock clock) {
        this.prospects = prospects;
        this.requests = requests;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional
    public ContactRequestReceipt receive(ContactRequestForm form) {
        Instant now = Instant.now(clock);
        String subjectKey = subjectKeys.forEmail(form.email());
        Prospect prospect = prospects.findBySubjectKey(subjectKey).orElse(null);
        ClockEvent clockEvent = prospect == null ? ClockEvent.COLLECTED : ClockEvent.LAST_CONTACT;
        if (prospect == null) {
            prospect = new Prospect();
            prospect.id = UUID.randomUUID();
            prospect.subjectKey = subjectKey;
            prospect.collectedAt = now;
        }
        copyDetails(form, prospect);
        prospect.lastContactAt = now;
        prospects.persist(prospect);

        ContactRequest request = new ContactRequest();
        request.id = UUID.randomUUID();
        request.prospect = prospect;
        request.subjectKey = subjectKey;
        request.message = form.message();
        request.visitorId = form.visitorId();
        request.receivedAt = now;
        requests.persist(request);

        // Prospects are kept 3 years after collection or last contact: every contact restarts the clock.
        outbox.publish(Topics.RETENTION_LIFECYCLE, subjectKey, codec.envelope(EventTypes.RETENTION_CLOCK,
                request.id.toString(), subjectKey, new RetentionClock(SERVICE, PROSPECT, prospect.id.toString(), clockEvent, now)));
        if (form.visitorId() != null) {
            outbox.publish(Topics.SUBJECT_LINKS, subjectKey, codec.envelope(EventTypes.SUBJECT_LINKED,
                    request.id.toString(), subjectKey, new SubjectLinked(subjectKey, form.visitorId().toString())));
        }
        return new ContactRequestReceipt(request.id, now);
    }

    private static void copyDetails(ContactRequestForm form, Prospect prospect) {
        prospect.civility = form.civility();
        prospect.firstName = form.firstName().strip();
        prospect.lastName = form.lastName().strip();
        prospect.email = SubjectKeys.normalize(form.email());
        prospect.phone = form.phone() == null || form.phone().isBlank() ? null
                : PhoneNumbers.toE164(form.phone(), form.country()).orElseThrow();
        prospect.postalAddress = form.postalAddress();
        prospect.country = form.country();
    }
}
