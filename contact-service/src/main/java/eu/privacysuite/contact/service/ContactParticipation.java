package eu.privacysuite.contact.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.contact.messaging.LifecycleEvents;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.DsrParticipant;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.BreachScope;

/**
 * contact-service's answer to every data-subject request (docs/dsr-participants.md): erasure, export,
 * rectification, restriction through the restriction list, objection through the suppression list. Visitor ids
 * name nothing here: contact requests are found by subject key.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ContactParticipation implements DsrParticipant {

    private final ContactErasure erasure;
    private final ContactExport export;
    private final ContactRectification rectification;
    private final SubjectLists lists;
    private final ContactBreachScope breachScope;

    public ContactParticipation(ContactErasure erasure, ContactExport export, ContactRectification rectification,
            SubjectLists lists, ContactBreachScope breachScope) {
        this.breachScope = breachScope;
        this.erasure = erasure;
        this.export = export;
        this.rectification = rectification;
        this.lists = lists;
    }

    @Override
    public long erase(String subjectKey, List<String> visitorIds) {
        return erasure.erase(subjectKey, visitorIds);
    }

    @Override
    public SubjectExport export(String subjectKey, List<String> visitorIds) {
        return export.of(subjectKey);
    }

    @Override
    public long rectify(String subjectKey, String newSubjectKey, List<String> visitorIds, Corrections corrections) {
        return rectification.apply(subjectKey, newSubjectKey, corrections);
    }

    /**
     * The subject goes on (or off) the restriction list, which keeps their records out of every list, export and
     * mailing. Counts the subject's records the restriction covers; a subject who holds nothing here is not listed.
     */
    @Override
    public long restrict(String subjectKey, List<String> visitorIds, boolean restricted) {
        long records = export.recordCount(subjectKey);
        if (restricted) {
            if (records == 0) {
                return 0;
            }
            lists.restrict(subjectKey);
            return records;
        }
        return lists.liftRestriction(subjectKey) ? Math.max(records, 1) : 0;
    }

    /**
     * Objection to direct marketing: the subject goes on the suppression list for good (even one who holds nothing
     * here yet, so that no later form enrols them) and a live newsletter subscription ends. Counts the list entry
     * and the subscription ended.
     */
    @Override
    public long object(String subjectKey, List<String> visitorIds) {
        return 1 + lists.suppressAndCount(subjectKey);
    }

    /** BREACH_SCOPE: the people in the scope, with the address and language of their records. */
    @Override
    public List<AffectedPerson> affected(BreachScope scope) {
        return breachScope.affected(scope);
    }
}
