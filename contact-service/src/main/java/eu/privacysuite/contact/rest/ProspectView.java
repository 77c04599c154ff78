package eu.privacysuite.contact.rest;

import java.time.Instant;
import java.util.UUID;

import eu.privacysuite.contact.domain.Civility;
import eu.privacysuite.contact.domain.Prospect;

/** A prospect as the controller sees it. */
public record ProspectView(UUID id, Civility civility, String firstName, String lastName, String email, String phone,
        String postalAddress, String country, Instant collectedAt, Instant lastContactAt) {

    public static ProspectView of(Prospect p) {
        return new ProspectView(p.id, p.details.civility, p.details.firstName, p.details.lastName, p.details.email, p.details.phone, p.details.postalAddress,
                p.details.country, p.collectedAt, p.lastContactAt);
    }
}
