package eu.privacysuite.dsr.domain;

/**
 * What moves a data-subject request from one status to another (decision 0015); {@link RequestTransitions} says
 * from where each is allowed. The phrase completes "this request cannot be ...".
 */
public enum RequestAct {
    /** Intake asks for the subject's identity at once. */
    ASK_IDENTITY("asked for identity", "identity is asked for once, at intake"),
    /** The controller verified identity: work starts. */
    VERIFY("verified", "identity is decided only while it is awaited"),
    /** Refused: identity not proven, manifestly unfounded or excessive. */
    REJECT("rejected", "a request is rejected before work starts"),
    /** Withdrawn. */
    CANCEL("cancelled", "a request is cancelled before work starts or once it needs attention"),
    /** Every participant acted. */
    COMPLETE("completed", "a request completes once work has started"),
    /** The saga's flag: a participant did not act, or stayed silent after every attempt. */
    FLAG("flagged as needing attention", "only a request in progress is flagged"),
    /** The controller re-drives a flagged request. */
    RETRY("retried", "only a request that needs attention can be retried");

    private final String done;
    private final String rule;

    RequestAct(String done, String rule) {
        this.done = done;
        this.rule = rule;
    }

    /** The past participle, for messages. */
    public String done() {
        return done;
    }

    /** When the act is allowed, in words. */
    public String rule() {
        return rule;
    }
}
