package eu.privacysuite.contact.rest;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.contact.domain.Civility;
import eu.privacysuite.shared.rest.IsoCountry;
import eu.privacysuite.shared.rest.MultilineText;

/**
 * What the site's contact form sends (policy art. 2.1). {@code visitorId} is the banner's pseudonymous id of this
 * browser, linked to the person once the address is confirmed. {@code age} and {@code parentEmail} let a minor
 * write with a parent's joint consent (art. 10). {@code website} is a honeypot: people leave it empty.
 */
@ValidPhone
public record ContactRequestForm(
        Civility civility,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @ValidEmail String email,
        @Size(max = 32) String phone,
        @MultilineText @Size(max = 500) String postalAddress,
        @IsoCountry String country,
        @MultilineText @NotBlank @Size(max = 5000) String message,
        UUID visitorId,
        @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        @Min(1) @Max(130) Integer age,
        @ValidEmail String parentEmail,
        @Size(max = 200) String website) {

    /** Surrounding spaces are typing noise, not data: " Jane@Example.org " is Jane's address. */
    public ContactRequestForm {
        email = strip(email);
        firstName = strip(firstName);
        lastName = strip(lastName);
        parentEmail = strip(parentEmail);
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        postalAddress = postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
