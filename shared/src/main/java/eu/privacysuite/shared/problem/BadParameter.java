package eu.privacysuite.shared.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * A query, header or path parameter whose value breaks its rule: 400, naming the parameter, never its value. Thrown
 * from a parameter converter, it reaches the mappers wrapped in the 404 or 400 Jakarta REST makes of it.
 */
public class BadParameter extends NamedInputProblem {

    /** {@code rule} completes "Parameter 'x' ..." and goes to the client: it must not hold the client's values. */
    public BadParameter(String parameter, String rule) {
        super(Status.BAD_REQUEST, "Parameter", parameter, rule, "Invalid request");
    }
}
