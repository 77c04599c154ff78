package eu.privacysuite.shared.events;

/** What happened to a record that starts, restarts or ends its retention clock. */
public enum ClockEvent {
    COLLECTED, LAST_CONTACT, UNSUBSCRIBED, CONSENT_GIVEN, CONTRACT_ENDED, REQUEST_CLOSED, VERIFIED,
    /** The owner deleted the record (erasure, purge): the ledger forgets it. */
    RECORD_DELETED
}
