package eu.privacysuite.dsr.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a data-subject request stands: RECEIVED, AWAITING_IDENTITY, IN_PROGRESS, then COMPLETED; or REJECTED or
 * CANCELLED. NEEDS_ATTENTION is the saga's flag on a request in progress that a participant did not carry out.
 */
public enum RequestStatus {
    /** Recorded; identity not yet asked for. */
    RECEIVED,
    /** Waiting for the controller to verify who is asking; the legal clock is paused. */
    AWAITING_IDENTITY,
    /** Identity verified, commands sent; not every participant has answered yet. */
    IN_PROGRESS,
    /** Every participant answered DONE or NOTHING_FOUND. */
    COMPLETED,
    /** A participant refused, failed or stayed silent after every attempt: the controller must look. */
    NEEDS_ATTENTION,
    /** Refused, with a reason: identity not proven, manifestly unfounded or excessive. */
    REJECTED,
    /** Withdrawn before it was carried out. */
    CANCELLED;

    public static final Set<RequestStatus> OPEN = EnumSet.of(RECEIVED, AWAITING_IDENTITY, IN_PROGRESS, NEEDS_ATTENTION);

    public boolean open() {
        return OPEN.contains(this);
    }
}
