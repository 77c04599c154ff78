package eu.privacysuite.retention.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.retention.domain.RetentionLedger;
import eu.privacysuite.shared.dsr.DsrParticipant;

/** Erasure in the ledger: the subject's entries go, since even a due date tied to a person is about them. */
@ApplicationScoped
public class RetentionErasure implements DsrParticipant {

    static final String SERVICE = "retention-service";

    private final RetentionLedger ledger;

    public RetentionErasure(RetentionLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public long erase(String subjectKey, List<String> visitorIds) {
        return ledger.deleteBySubjectKey(subjectKey);
    }
}
