package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.dsr.domain.ResultsWindow;
import eu.privacysuite.dsr.domain.ResultsWindowRepository;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The door to a request's results: only the request's own kind (a report for ACCESS, a package for PORTABILITY),
 * only once it is completed, and only within its download window. Every download is written in the audit trail.
 */
@ApplicationScoped
public class RequestResults {

    private final DsrRequestRepository requests;
    private final ResultsWindowRepository windows;
    private final ExportParts parts;
    private final AuditTrail audit;
    private final Clock clock;

    public RequestResults(DsrRequestRepository requests, ResultsWindowRepository windows, ExportParts parts, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.windows = windows;
        this.parts = parts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The results of a request of type {@code kind}, made into {@code what} ("report", "package") by {@code make}
     * for {@code actor}; the download is audited once it is made.
     */
    @Transactional
    public <T> T download(UUID id, DsrAction kind, String what, String actor, Function<AssembledResults, T> make) {
        DsrRequest request = requests.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
        if (request.type != kind) {
            throw new ProblemException(Status.NOT_FOUND, "The request's type is " + request.type + ": only "
                    + kind + " requests have a " + what + ".");
        }
        if (request.status() != RequestStatus.COMPLETED) {
            throw new ProblemException(Status.CONFLICT, "The request is " + request.status() + ": its " + what
                    + " is assembled once every participant has answered.");
        }
        ResultsWindow window = windows.findById(id);
        Instant now = Instant.now(clock);
        if (window == null || !window.open(now)) {
            throw new ProblemException(Status.GONE, "The results of this request could be downloaded until "
                    + (window == null ? "its completion" : window.availableUntil) + "; they are deleted.");
        }
        T made = make.apply(new AssembledResults(id, request.type, request.receivedAt, request.dueAt,
                request.completedAt, window.availableUntil, parts.open(id)));
        audit.record(id, actor, what + " downloaded");
        return made;
    }
}
