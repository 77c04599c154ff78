package eu.privacysuite.dsr.rest;

/** The roles a token's {@code groups} claim grants (ARCHITECTURE.md §5). */
public final class Roles {

    /** Acts on requests: records them. */
    public static final String CONTROLLER = "privacy-controller";
    /** Reads requests and their progress, changes nothing. */
    public static final String AUDITOR = "privacy-auditor";

    private Roles() {
    }
}
