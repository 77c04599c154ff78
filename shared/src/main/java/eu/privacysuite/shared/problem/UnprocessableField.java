package eu.privacysuite.shared.problem;

/** A well-formed request that names something this service does not know: 422, naming the field, not its value. */
public class UnprocessableField extends NamedInputProblem {

    /** {@code rule} completes "Field 'x' ..." and goes to the client: it must not hold the client's values. */
    public UnprocessableField(String field, String rule) {
        super(UnprocessableContent.STATUS, "Field", field, rule, null);
    }
}
