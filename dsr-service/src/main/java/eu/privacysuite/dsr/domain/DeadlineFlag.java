package eu.privacysuite.dsr.domain;

/** The last deadline warning given for a request, so that each level is given once. */
public enum DeadlineFlag {
    DUE_SOON, OVERDUE
}
