package eu.privacysuite.consent.service;

import java.util.List;

import jakarta.ws.rs.core.Response;

import eu.privacysuite.shared.problem.Problem;
import eu.privacysuite.shared.problem.ProblemException;

/** A well-formed request that names something this service does not know: 422, naming the field, not its value. */
public class UnprocessableField extends ProblemException {

    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final String field;
    private final String rule;

    /** {@code rule} completes "Field 'x' ..." and goes to the client: it must not hold the client's values. */
    public UnprocessableField(String field, String rule) {
        super(UNPROCESSABLE, "Field '" + field + "' " + rule + ".");
        this.field = field;
        this.rule = rule;
    }

    @Override
    public Problem problem() {
        Problem problem = super.problem();
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), null,
                List.of(new Problem.InvalidParam(field, rule)));
    }
}
