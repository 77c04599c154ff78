package eu.privacysuite.shared.events;

/** What an owner does with a record whose retention period ran out. */
public enum PurgeAction {
    /** The record is deleted, with everything that hangs on it. */
    DELETE,
    /** The record stays for statistics, with every field that names the person removed. */
    ANONYMIZE
}
