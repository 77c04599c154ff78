package eu.privacysuite.contact.service;

import java.util.UUID;

import eu.privacysuite.contact.domain.Civility;

/**
 * A contact form as the domain takes it: the email in its canonical form, the phone in E.164, the language
 * chosen, and the declared age with the parent's address when the person says they are a minor.
 */
public record ContactSubmission(
        Civility civility,
        String firstName,
        String lastName,
        String email,
        String phone,
        String postalAddress,
        String country,
        String message,
        UUID visitorId,
        String language,
        Integer age,
        String parentEmail) {
}
