package eu.privacysuite.retention.domain;

/** Where a purge order stands. */
public enum OrderStatus {
    /** Sent to the owner, no report yet (re-sent while attempts remain). */
    SENT,
    /** The owner reported what it purged. */
    REPORTED,
    /** No report after every attempt: the controller must look (health, metrics, orders?status=failed). */
    FAILED
}
