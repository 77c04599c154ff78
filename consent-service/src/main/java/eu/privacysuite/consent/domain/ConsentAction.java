package eu.privacysuite.consent.domain;

/** How the visitor made the choice a proof records. */
public enum ConsentAction {
    ACCEPT_ALL,
    REFUSE_ALL,
    CUSTOM,
    /** A choice taken back: every non-essential service refused. */
    WITHDRAW,
    /** No explicit choice, but the browser sent Global Privacy Control: every non-essential service refused. */
    GPC,
    /**
     * Recorded by the service for the subject's objection to direct marketing (GDPR art. 21, a data-subject
     * request): the marketing services refused, the others as the visitor last chose. Never sent by a banner.
     */
    OBJECTION
}
