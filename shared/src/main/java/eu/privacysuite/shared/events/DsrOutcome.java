package eu.privacysuite.shared.events;

/** A participant's answer to a DSR command. */
public enum DsrOutcome {
    DONE, NOTHING_FOUND, REFUSED, FAILED;

    /** The participant has finished its part; REFUSED and FAILED need the controller's attention. */
    public boolean settled() {
        return this == DONE || this == NOTHING_FOUND;
    }
}
