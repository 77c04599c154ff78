package eu.privacysuite.contact.rest;

/** The roles a token's {@code groups} claim grants (ARCHITECTURE.md §5). */
public final class Roles {

    /** Acts on the file: records contacts, exports. */
    public static final String CONTROLLER = "privacy-controller";
    /** Reads the file, changes nothing. */
    public static final String AUDITOR = "privacy-auditor";

    private Roles() {
    }
}
