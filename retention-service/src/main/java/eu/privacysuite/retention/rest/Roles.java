package eu.privacysuite.retention.rest;

/** The roles a token's {@code groups} claim grants (ARCHITECTURE.md §5), as in dsr-service. */
public final class Roles {

    /** Acts: runs sweeps, places and lifts legal holds. */
    public static final String CONTROLLER = "privacy-controller";
    /** Reads orders, evidence and holds, changes nothing. */
    public static final String AUDITOR = "privacy-auditor";

    private Roles() {
    }
}
