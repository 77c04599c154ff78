package eu.privacysuite.consent.domain;

/** How the visitor made the choice a proof records. */
public enum ConsentAction {
    ACCEPT_ALL,
    REFUSE_ALL,
    CUSTOM,
    /** A choice taken back: every non-essential service refused. */
    WITHDRAW,
    /** No explicit choice, but the browser sent Global Privacy Control: every non-essential service refused. */
    GPC
}
