package eu.privacysuite.shared.events;

import java.util.Map;
import java.util.Set;

/**
 * The retention categories the services of the suite emit lifecycle events for, by service. retention-service
 * reports at start-up every category of its schedule that nobody feeds: its records would never be purged.
 */
public final class RetentionCategories {

    public static final String PROSPECT = "PROSPECT";
    public static final String NEWSLETTER = "NEWSLETTER";
    public static final String MINOR_HOLD = "MINOR_HOLD";
    public static final String COOKIE_CONSENT = "COOKIE_CONSENT";
    public static final String DSR_CASE = "DSR_CASE";
    public static final String IDENTITY_DOCUMENT = "IDENTITY_DOCUMENT";

    /** Only what the code really emits today; a service that starts feeding a category adds it here. */
    public static final Map<String, Set<String>> FED_BY_THE_SUITE = Map.of(
            "contact-service", Set.of(PROSPECT, NEWSLETTER, MINOR_HOLD),
            "consent-service", Set.of(COOKIE_CONSENT),
            "dsr-service", Set.of(DSR_CASE, IDENTITY_DOCUMENT));

    public static boolean fedByTheSuite(String service, String category) {
        return FED_BY_THE_SUITE.getOrDefault(service, Set.of()).contains(category);
    }

    private RetentionCategories() {
    }
}
