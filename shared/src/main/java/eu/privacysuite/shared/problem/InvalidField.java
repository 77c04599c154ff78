package eu.privacysuite.shared.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * A body field whose value breaks a rule that spans fields (a date before another, a reason required by a date):
 * 400, naming the field, never its value, as a Bean Validation violation is.
 */
public class InvalidField extends NamedInputProblem {

    /** {@code rule} completes "Field 'x' ..." and goes to the client: it must not hold the client's values. */
    public InvalidField(String field, String rule) {
        super(Status.BAD_REQUEST, "Field", field, rule, "Invalid request");
    }
}
