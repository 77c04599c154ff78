package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.consent.domain.VisitorLinkRepository;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.DsrParticipant;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.events.RetentionCategories;

/**
 * consent-service's answer to every data-subject request (docs/dsr-participants.md). Its records are pseudonymous:
 * the consent proofs of the visitors linked to the subject (and of the visitor ids the request names), and the
 * links themselves.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ConsentParticipation implements DsrParticipant {

    private final ConsentErasure erasure;
    private final ConsentExport export;
    private final MarketingObjection objection;
    private final VisitorLinkRepository links;
    private final Clock clock;

    public ConsentParticipation(ConsentErasure erasure, ConsentExport export, MarketingObjection objection,
            VisitorLinkRepository links, Clock clock) {
        this.erasure = erasure;
        this.export = export;
        this.objection = objection;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public long erase(String subjectKey, List<String> visitorIds) {
        return erasure.erase(subjectKey, visitorIds);
    }

    @Override
    public SubjectExport export(String subjectKey, List<String> visitorIds) {
        return export.of(erasure.visitorsOf(subjectKey, visitorIds), links.ofSubject(subjectKey));
    }

    /** No name or address is held here; a changed email moves the subject's links to the new key. */
    @Override
    public long rectify(String subjectKey, String newSubjectKey, List<String> visitorIds, Corrections corrections) {
        return newSubjectKey == null ? 0 : links.rekey(subjectKey, newSubjectKey);
    }

    /**
     * Sets or clears the restriction flag on the subject's links: while it is set, their visitors' proofs are kept
     * from retention purges, and a new link of the subject comes restricted. Returns the links now restricted, or
     * the links whose restriction was lifted.
     */
    @Override
    public long restrict(String subjectKey, List<String> visitorIds, boolean restricted) {
        if (restricted) {
            links.restrict(subjectKey, Instant.now(clock));
            return links.ofSubject(subjectKey).size();
        }
        return links.restrict(subjectKey, null);
    }

    /** Objection to direct marketing: a new proof refusing the marketing services, for each visitor who accepted one. */
    @Override
    public long object(String subjectKey, List<String> visitorIds) {
        return objection.object(erasure.visitorsOf(subjectKey, visitorIds));
    }

    /**
     * BREACH_SCOPE for COOKIE_CONSENT (or everyone): the subjects linked to a visitor whose consent proof was given in
     * the window. No address is held here: the key alone, which dsr-service matches with another participant's
     * address or counts as a person it cannot write to.
     */
    @Override
    public List<AffectedPerson> affected(BreachScope scope) {
        if (!scope.covers(RetentionCategories.COOKIE_CONSENT)) {
            return List.of();
        }
        Instant from = scope.everyone() || scope.from() == null ? Instant.parse("1900-01-01T00:00:00Z") : scope.from();
        Instant until = scope.everyone() || scope.until() == null ? Instant.parse("9999-12-31T00:00:00Z")
                : scope.until();
        return links.subjectsWithProofsGiven(from, until).stream()
                .map(key -> new AffectedPerson(key, RetentionCategories.COOKIE_CONSENT, null, null)).toList();
    }
}
