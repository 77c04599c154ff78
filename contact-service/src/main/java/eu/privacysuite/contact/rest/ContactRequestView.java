package eu.privacysuite.contact.rest;

import java.time.Instant;
import java.util.UUID;

import eu.privacysuite.contact.domain.Civility;
import eu.privacysuite.contact.domain.ContactRequest;

/** A contact request as the controller sees it: its own details, and whether it joined the prospect file. */
public record ContactRequestView(UUID id, Instant receivedAt, Civility civility, String firstName, String lastName,
        String email, String phone, String postalAddress, String country, String language, String message,
        boolean addressConfirmed, boolean heldForParent, UUID prospectId) {

    public static ContactRequestView of(ContactRequest r) {
        return new ContactRequestView(r.id, r.receivedAt, r.details.civility, r.details.firstName, r.details.lastName, r.details.email, r.details.phone,
                r.details.postalAddress, r.details.country, r.language, r.message, r.addressConfirmed(), r.held(),
                r.prospect == null ? null : r.prospect.id);
    }
}
