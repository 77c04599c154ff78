package eu.privacysuite.dsr.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.shared.problem.ProblemException;

/** The request a controller's act applies to, locked for the act, or a 404. */
@ApplicationScoped
public class LockedRequests {

    private final DsrRequestRepository requests;

    public LockedRequests(DsrRequestRepository requests) {
        this.requests = requests;
    }

    @Transactional(TxType.MANDATORY)
    public DsrRequest lock(UUID id) {
        return requests.lock(id).orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
    }

    /** The controller's note as the audit trail shows it. */
    static String note(String note) {
        return note == null || note.isBlank() ? "" : " — " + note.strip();
    }
}
