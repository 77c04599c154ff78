package eu.privacysuite.dsr.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.ExternalDeliveryRepository;
import eu.privacysuite.dsr.domain.IdentityDocumentRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.RetentionClocks;

/**
 * A request that closes (COMPLETED, REJECTED, CANCELLED) keeps only what proves what was done: its type, dates,
 * outcome, participant tasks and audit trail. The subject key, visitor ids, sealed corrections and directive and
 * the command that carried them go, and so does the identity document. It starts its DSR_CASE retention clock: kept as proof of compliance, then
 * purged. The event is keyed by the request id and names no subject.
 */
@ApplicationScoped
public class CaseClosure {

    private final RetentionClocks clocks;
    private final IdentityDocumentRepository documents;

    private final ExternalDeliveryRepository deliveries;

    public CaseClosure(RetentionClocks clocks, IdentityDocumentRepository documents,
            ExternalDeliveryRepository deliveries) {
        this.deliveries = deliveries;
        this.clocks = clocks;
        this.documents = documents;
    }

    /** Called once the request's closing status is set. */
    @Transactional(TxType.MANDATORY)
    public void closed(DsrRequest request, Instant at) {
        request.closedAt = at;
        request.clockPausedSince = null;
        request.subjectKey = null;
        request.visitorIds = null;
        request.sealedCorrections = null;
        request.sealedDirective = null;
        request.commandEvent = null;
        request.forgetIdentityContact();
        request.sealedLetterEmail = null; // used, if at all, by CompletionLetters before the closure
        deliveries.deleteOf(request.id); // the external participants' deliveries, their sealed addresses with them
        String recordId = request.id.toString();
        // No subject key: the ledger needs none for a case, and after an erasure it must hold none.
        clock(RetentionCategories.DSR_CASE, recordId, at);
        if (documents.deleteById(request.id)) {
            // The schedule's IDENTITY_DOCUMENT clock starts at closing; the document is already gone, and the
            // purge order that follows (DsrPurge) reports it so, or deletes one a failure left behind.
            clock(RetentionCategories.IDENTITY_DOCUMENT, recordId, at);
        }
    }

    private void clock(String category, String recordId, Instant at) {
        clocks.moved(recordId, null, category, recordId, ClockEvent.REQUEST_CLOSED, at);
    }
}
