package eu.privacysuite.contact.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * What a confirmed contact request may do, and only then: link the visitor to the person and join the prospect
 * file. The first confirmed request makes the prospect; later ones attach to it and change nothing in it.
 */
@ApplicationScoped
public class Enrolment {

    private final ProspectRepository prospects;
    private final SubjectLists subjects;
    private final LifecycleEvents events;

    public Enrolment(ProspectRepository prospects, SubjectLists subjects, LifecycleEvents events) {
        this.prospects = prospects;
        this.subjects = subjects;
        this.events = events;
    }

    /** Enrols the request if its address is confirmed and no parent's confirmation is still awaited. */
    @Transactional(TxType.MANDATORY)
    public void enrolIfConfirmed(ContactRequest request, Instant now) {
        if (!request.addressConfirmed() || request.held() || request.prospect != null) {
            return;
        }
        if (request.visitorId != null) {
            events.visitorLinked(request.subjectKey, request.visitorId, request.id);
        }
        // A person who objected to prospecting is never enrolled again; the request itself is still answered.
        if (subjects.isSuppressed(request.subjectKey)) {
            return;
        }
        Prospect candidate = fromRequest(request, now);
        if (prospects.insertIfAbsent(candidate)) {
            events.clock(request.subjectKey, RetentionCategories.PROSPECT, candidate.id, ClockEvent.COLLECTED, now);
        }
        request.prospect = prospects.findBySubjectKey(request.subjectKey).orElseThrow();
    }

    private static Prospect fromRequest(ContactRequest request, Instant now) {
        Prospect prospect = new Prospect();
        prospect.id = UUID.randomUUID();
        prospect.subjectKey = request.subjectKey;
        prospect.details = request.details.copy();
        prospect.collectedAt = now;
        prospect.lastContactAt = now;
        return prospect;
    }
}
