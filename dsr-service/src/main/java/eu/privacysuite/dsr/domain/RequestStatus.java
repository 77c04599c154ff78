package eu.privacysuite.dsr.domain;

/** Where a data-subject request stands in the saga. */
public enum RequestStatus {
    /** Commands sent; not every participant has answered yet. */
    IN_PROGRESS,
    /** Every participant answered DONE or NOTHING_FOUND. */
    COMPLETED,
    /** A participant refused, failed or stayed silent after every attempt: the controller must look. */
    NEEDS_ATTENTION
}
