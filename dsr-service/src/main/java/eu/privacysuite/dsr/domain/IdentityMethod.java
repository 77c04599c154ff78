package eu.privacysuite.dsr.domain;

/** How the controller checked who is asking: a copy of an identity document, or a code mailed to the subject. */
public enum IdentityMethod {
    DOCUMENT, CODE
}
