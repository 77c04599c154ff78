package eu.privacysuite.dsr.domain;

/** An act that the request's status does not allow ({@link RequestTransitions}); the API answers 409. */
public class IllegalTransitionException extends RuntimeException {

    private final RequestStatus from;
    private final RequestAct act;

    public IllegalTransitionException(RequestStatus from, RequestAct act) {
        super("This request is " + from + ": it cannot be " + act.done() + " (" + act.rule() + ").");
        this.from = from;
        this.act = act;
    }

    public RequestStatus from() {
        return from;
    }

    public RequestAct act() {
        return act;
    }
}
