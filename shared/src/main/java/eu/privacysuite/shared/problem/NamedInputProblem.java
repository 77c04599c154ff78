package eu.privacysuite.shared.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** A problem with one named input (a field, a parameter): the problem names it and its rule, never its value. */
public abstract class NamedInputProblem extends ProblemException {

    private final String name;
    private final String rule;
    private final String title;

    /**
     * {@code rule} completes "Kind 'name' ..." and goes to the client: it must not hold the client's values.
     * A null {@code title} keeps the status's own.
     */
    protected NamedInputProblem(Response.StatusType status, String kind, String name, String rule, String title) {
        super(status, kind + " '" + name + "' " + rule + ".");
        this.name = name;
        this.rule = rule;
        this.title = title;
    }

    @Override
    public Problem problem() {
        Problem problem = super.problem();
        return new Problem(problem.type(), title != null ? title : problem.title(), problem.status(), problem.detail(),
                null, List.of(new Problem.InvalidParam(name, rule)));
    }
}
