package eu.privacysuite.shared.events;

/** What a participant is asked to do for a data-subject request. */
public enum DsrAction {
    ACCESS, PORTABILITY, ERASURE, RECTIFICATION, RESTRICTION, RESTRICTION_LIFTED, OBJECTION
}
