package eu.privacysuite.retention.config;

/** What happens to a record whose retention period ran out. */
public enum PurgeAction {
    DELETE, ANONYMIZE
}
