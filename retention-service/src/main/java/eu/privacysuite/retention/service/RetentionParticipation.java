package eu.privacysuite.retention.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.DsrParticipant;
import eu.privacysuite.shared.dsr.SubjectExport;

/**
 * retention-service's answer to every data-subject request (docs/dsr-participants.md). It holds no personal field,
 * only the subject key on ledger entries and holds: erasure deletes the entries, export lists them with the
 * schedule rules they follow, a changed email moves them, a restriction is a legal hold, an objection changes
 * nothing here.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RetentionParticipation implements DsrParticipant {

    private final LedgerEntryRepository ledger;
    private final LegalHoldKeeper holds;
    private final RetentionExport export;

    public RetentionParticipation(LedgerEntryRepository ledger, LegalHoldKeeper holds, RetentionExport export) {
        this.ledger = ledger;
        this.holds = holds;
        this.export = export;
    }

    /**
     * Even a due date tied to a person is about them: the subject's entries go, and so do the holds dsr-service
     * placed for their restriction. Holds a controller placed stay (a legal claim outranks the erasure).
     */
    @Override
    public long erase(String subjectKey, List<String> visitorIds) {
        holds.deleteRestrictionHolds(subjectKey);
        return ledger.deleteBySubjectKey(subjectKey);
    }

    @Override
    public SubjectExport export(String subjectKey, List<String> visitorIds) {
        return export.of(subjectKey);
    }

    /** No field to correct here; a changed email moves the entries and the holds to the new key. */
    @Override
    public long rectify(String subjectKey, String newSubjectKey, List<String> visitorIds, Corrections corrections) {
        if (newSubjectKey == null) {
            return 0;
        }
        return ledger.rekey(subjectKey, newSubjectKey) + holds.rekey(subjectKey, newSubjectKey);
    }

    /**
     * GDPR art. 18: a legal hold on the subject (author dsr-service) keeps every record of theirs from being purged,
     * including records that arrive later; RESTRICTION_LIFTED lifts that hold and no other. Returns 1 when the
     * subject is (or already was) held for a restriction, or the number of holds lifted.
     */
    @Override
    public long restrict(String subjectKey, List<String> visitorIds, boolean restricted) {
        if (restricted) {
            holds.holdForRestriction(subjectKey);
            return 1;
        }
        return holds.liftRestriction(subjectKey);
    }

    /** Objection to direct marketing: retention-service does no marketing, so nothing changes here. */
    @Override
    public long object(String subjectKey, List<String> visitorIds) {
        return 0;
    }
}
