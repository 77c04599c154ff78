package eu.privacysuite.consent.domain;

/** The families of cookies the policy lists (art. 11.2), in the order the banner shows them. */
public enum ServiceCategory {
    /** Strictly necessary for the site (session, authentication, load balancing, interface): exempt from consent. */
    ESSENTIAL,
    AUDIENCE_MEASUREMENT,
    SOCIAL_SHARING,
    EXTERNAL_CONTENT
}
