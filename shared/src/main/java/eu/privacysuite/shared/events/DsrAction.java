package eu.privacysuite.shared.events;

/**
 * What a participant is asked to do for a data-subject request (policy art. 9). Every participant answers every
 * action: {@code AUTOMATED_DECISION} and {@code POST_MORTEM_DIRECTIVE} are recorded by dsr-service itself, and a
 * participant answers them NOTHING_FOUND with the statement that it makes no such decision and keeps no directive.
 */
public enum DsrAction {
    ACCESS, PORTABILITY, ERASURE, RECTIFICATION, RESTRICTION, RESTRICTION_LIFTED, OBJECTION, AUTOMATED_DECISION,
    POST_MORTEM_DIRECTIVE,
    /**
     * Not a right of the data subject: dsr-service asks each participant for the people a high-risk breach touches
     * (GDPR art. 34), with a {@link BreachScope}; the participant answers with sealed parts holding their subject
     * keys, contact addresses and languages (docs/decisions/0039). Never the type of a request.
     */
    BREACH_SCOPE;

    /** ACCESS and PORTABILITY: the participant answers with a sealed export of what it holds. */
    public boolean exports() {
        return this == ACCESS || this == PORTABILITY;
    }

    /** Whether a data subject may ask for this (every action but BREACH_SCOPE). */
    public boolean requestType() {
        return this != BREACH_SCOPE;
    }

    /** Whether the answer travels as sealed parts, made again when the command is delivered again. */
    public boolean answersSealed() {
        return exports() || this == BREACH_SCOPE;
    }

}
