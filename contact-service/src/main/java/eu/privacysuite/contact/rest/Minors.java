package eu.privacysuite.contact.rest;

import eu.privacysuite.contact.domain.EmailAddresses;
import eu.privacysuite.shared.problem.UnprocessableField;

/** The parent's address a minor must give (policy art. 10): required, and not the minor's own. */
final class Minors {

    static String parentEmail(boolean minor, String canonicalEmail, String parentEmail) {
        if (!minor) {
            return null;
        }
        if (parentEmail == null || parentEmail.isBlank()) {
            throw new UnprocessableField("parentEmail", "is required when the person is under the age of consent");
        }
        String parent = EmailAddresses.canonical(parentEmail).orElseThrow();
        if (parent.equals(canonicalEmail)) {
            throw new UnprocessableField("parentEmail", "must be another address than email");
        }
        return parent;
    }

    private Minors() {
    }
}
