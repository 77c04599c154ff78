package eu.privacysuite.contact.domain;

/** The civility the contact form asks for (M., Mme, or neither). */
public enum Civility {
    MR, MS, MX
}
