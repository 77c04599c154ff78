package eu.privacysuite.console.service;

/** The services the console reads and acts through. */
public enum Suite {
    CONSENT, CONTACT, DSR, RETENTION
}
