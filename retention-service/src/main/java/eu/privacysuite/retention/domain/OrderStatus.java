package eu.privacysuite.retention.domain;

/** Where a purge order stands. */
public enum OrderStatus {
    /** For a system outside the suite: being posted to its purge endpoint (a fault is retried with backoff). */
    DELIVERING,
    /** Sent to the owner (or taken by the external system), no report yet (sent again while attempts remain). */
    SENT,
    /** The owner reported what it purged. */
    REPORTED,
    /** Refused by an external system, or no report after every attempt: the controller must look (health, metrics, orders?status=failed). */
    FAILED
}
