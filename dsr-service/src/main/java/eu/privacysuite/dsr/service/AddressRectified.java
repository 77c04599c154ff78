package eu.privacysuite.dsr.service;

import java.util.EnumSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.PostMortemDirective;
import eu.privacysuite.dsr.domain.PostMortemDirectiveRepository;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * dsr-service's own part of a RECTIFICATION that corrects the email: what it holds under the former subject key
 * moves to the new one, as the participants' records do, so that a later request under the new address (an
 * erasure above all) reaches it. That is the subject's post-mortem directives (re-sealed to the new key) and
 * their requests not yet started (their command is built from the key when identity is verified).
 */
@ApplicationScoped
public class AddressRectified {

    private static final Logger LOG = Logger.getLogger(AddressRectified.class);

    private final DsrRequestRepository requests;
    private final PostMortemDirectiveRepository directives;
    private final DirectiveSeal directiveSeal;
    private final SealedExports sealedExports;
    private final SubjectKeys subjectKeys;
    private final AuditTrail audit;

    public AddressRectified(DsrRequestRepository requests, PostMortemDirectiveRepository directives,
            DirectiveSeal directiveSeal, SealedExports sealedExports, SubjectKeys subjectKeys, AuditTrail audit) {
        this.requests = requests;
        this.directives = directives;
        this.directiveSeal = directiveSeal;
        this.sealedExports = sealedExports;
        this.subjectKeys = subjectKeys;
        this.audit = audit;
    }

    /** Called when a request completes, before its closing clears the subject key and the corrections. */
    @Transactional(TxType.MANDATORY)
    public void completed(DsrRequest request) {
        if (request.type != DsrAction.RECTIFICATION || request.sealedCorrections == null
                || request.subjectKey == null) {
            return;
        }
        Corrections corrections = sealedExports.openCorrections(request.id, request.sealedCorrections);
        if (corrections.email() == null) {
            return;
        }
        String former = request.subjectKey;
        String current = subjectKeys.forEmail(corrections.email());
        if (current.equals(former)) {
            return;
        }
        // The same advisory locks as intake, in one order: no request of either key is recorded meanwhile.
        Stream.of(former, current).sorted().forEach(requests::lockSubject);
        int moved = 0;
        for (PostMortemDirective directive : directives.ofSubject(former)) {
            directive.sealed = directiveSeal.sealForSubject(current,
                    directiveSeal.openForSubject(former, directive.sealed));
            directive.subjectKey = current;
            moved++;
        }
        int pending = 0;
        for (DsrRequest other : requests.openOf(former, EnumSet.of(RequestStatus.RECEIVED,
                RequestStatus.AWAITING_IDENTITY))) {
            other.subjectKey = current;
            audit.record(other.id, "the subject's address was rectified by request " + request.id
                    + ": this request now follows the new address");
            pending++;
        }
        audit.record(request.id, "the address was rectified: " + moved + " post-mortem directive(s) and " + pending
                + " request(s) not yet started now follow the new address");
        LOG.infof("request %s: %d directive(s) and %d request(s) moved to the rectified address", request.id, moved,
                pending);
    }
}
