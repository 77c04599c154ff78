package eu.privacysuite.dsr.domain;

/** How the request reached the controller. */
public enum RequestChannel {
    EMAIL, FORM, POST
}
