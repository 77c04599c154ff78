package eu.privacysuite.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * The controller's prospect file: prospects de-duplicated by subject key, searched with paging, exported, and
 * kept 3 years from collection or last contact; only recording a contact moves the last contact.
 */
@ApplicationScoped
public class ProspectFile {

    private static final Logger LOG = Logger.getLogger(ProspectFile.class);

    /** A page of results with the total it was cut from. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final ProspectRepository prospects;
    private final ContactRequestRepository requests;
    private final Enrolment enrolment;
    private final LifecycleEvents events;
    private final Clock clock;

    public ProspectFile(ProspectRepository prospects, ContactRequestRepository requests, Enrolment enrolment,
            LifecycleEvents events, Clock clock) {
        this.prospects = prospects;
        this.requests = requests;
        this.enrolment = enrolment;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Page<Prospect> search(String text, int page, int size) {
        return new Page<>(prospects.page(text, page, size), page, size, prospects.search(text).count());
    }

    @Transactional
    public Page<ContactRequest> requests(int page, int size) {
        List<ContactRequest> found = requests.visiblePage(page, size);
        return new Page<>(found, page, size, requests.countVisible());
    }

    @Transactional
    public Optional<ContactRequest> request(UUID id) {
        return requests.findVisible(id);
    }

    @Transactional
    public List<Prospect> exportable() {
        return prospects.exportable();
    }

    /** The controller spoke with the prospect: the 3-year clock restarts from now. */
    @Transactional
    public Optional<Prospect> recordContact(UUID prospectId, String principal) {
        return prospects.findByIdOptional(prospectId).map(p -> {
            touch(p, principal);
            return p;
        });
    }

    /**
     * The controller answered a contact request and reached its author: the address counts as confirmed, so the
     * request may join the prospect file and link its visitor; the prospect's last contact moves.
     */
    @Transactional
    public Optional<ContactRequest> recordContactOnRequest(UUID requestId, String principal) {
        return requests.findByIdOptional(requestId).map(request -> {
            Instant now = Instant.now(clock);
            if (request.addressConfirmedAt == null) {
                request.addressConfirmedAt = now;
            }
            enrolment.enrolIfConfirmed(request, now);
            if (request.prospect != null) {
                touch(request.prospect, principal);
            } else {
                LOG.infof("contact on request %s recorded by %s", request.id, principal);
            }
            return request;
        });
    }

    private void touch(Prospect prospect, String principal) {
        Instant now = Instant.now(clock);
        prospect.lastContactAt = now;
        events.clock(prospect.subjectKey, RetentionCategories.PROSPECT, prospect.id, ClockEvent.LAST_CONTACT, now);
        LOG.infof("contact with prospect %s recorded by %s", prospect.id, principal);
    }
}
