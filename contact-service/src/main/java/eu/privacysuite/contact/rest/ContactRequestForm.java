package eu.privacysuite.contact.rest;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.contact.domain.Civility;
import eu.privacysuite.shared.rest.MultilineText;

/**
 * What the site's contact form sends (policy art. 2.1). {@code visitorId} is the banner's pseudonymous id of
 * this browser; it links the visitor's cookie consents to the person who wrote.
 */
@ValidPhone
public record ContactRequestForm(
        Civility civility,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 32) String phone,
        @MultilineText @Size(max = 500) String postalAddress,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        @MultilineText @NotBlank @Size(max = 5000) String message,
        UUID visitorId) {

    /** Surrounding spaces are typing noise, not data: " Jane@Example.org " is Jane's address. */
    public ContactRequestForm {
        email = email == null ? null : email.strip();
        firstName = firstName == null ? null : firstName.strip();
        lastName = lastName == null ? null : lastName.strip();
    }
}
