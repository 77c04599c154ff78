package eu.privacysuite.shared.problem;

import java.util.List;

/** A well-formed request that names something this service does not know: 422, naming the field, not its value. */
public class UnprocessableField extends ProblemException {

    private final String field;
    private final String rule;

    /** {@code rule} completes "Field 'x' ..." and goes to the client: it must not hold the client's values. */
    public UnprocessableField(String field, String rule) {
        super(UnprocessableContent.STATUS, "Field '" + field + "' " + rule + ".");
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
