package eu.privacysuite.dsr.domain;

/** Why a request was refused (GDPR art. 12(2) and 12(5)). */
public enum RejectionReason {
    IDENTITY_NOT_PROVEN, MANIFESTLY_UNFOUNDED, EXCESSIVE
}
