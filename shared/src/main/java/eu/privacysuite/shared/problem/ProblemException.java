package eu.privacysuite.shared.problem;

import jakarta.ws.rs.core.Response;

/** A rule of the domain refused the request; the detail is shown to the client, so it holds no personal data. */
public class ProblemException extends RuntimeException {

    private final Response.StatusType status;

    public ProblemException(Response.StatusType status, String detail) {
        super(detail);
        this.status = status;
    }

    public Problem problem() {
        return Problem.of(status, getMessage());
    }
}
