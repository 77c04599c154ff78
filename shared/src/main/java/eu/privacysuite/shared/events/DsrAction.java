package eu.privacysuite.shared.events;

/**
 * What a participant is asked to do for a data-subject request (policy art. 9). Every participant answers every
 * action: {@code AUTOMATED_DECISION} and {@code POST_MORTEM_DIRECTIVE} are recorded by dsr-service itself, and a
 * participant answers them NOTHING_FOUND with the statement that it makes no such decision and keeps no directive.
 */
public enum DsrAction {
    ACCESS, PORTABILITY, ERASURE, RECTIFICATION, RESTRICTION, RESTRICTION_LIFTED, OBJECTION, AUTOMATED_DECISION,
    POST_MORTEM_DIRECTIVE;

    /** ACCESS and PORTABILITY: the participant answers with a sealed export of what it holds. */
    public boolean exports() {
        return this == ACCESS || this == PORTABILITY;
    }
}
