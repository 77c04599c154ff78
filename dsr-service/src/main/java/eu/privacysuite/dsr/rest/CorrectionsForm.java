package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.rest.IsoCountry;
import eu.privacysuite.shared.rest.MultilineText;

/**
 * RECTIFICATION: the values the subject asks to correct, checked here once (email syntax, E.164 phone read by
 * libphonenumber, ISO 3166-1 country); a field left out stays as it is.
 */
public record CorrectionsForm(
        @Email @Size(min = 3, max = 254) String email,
        @Pattern(regexp = "MR|MS|MX", message = "must be MR, MS or MX") String civility,
        @Size(min = 1, max = 100) String firstName,
        @Size(min = 1, max = 100) String lastName,
        @E164Phone String phone,
        @MultilineText @Size(min = 1, max = 500) String postalAddress,
        @IsoCountry String country) {

    public CorrectionsForm {
        email = strip(email);
        firstName = strip(firstName);
        lastName = strip(lastName);
        phone = strip(phone);
        postalAddress = strip(postalAddress);
    }

    public Corrections corrections() {
        return new Corrections(email, civility, firstName, lastName, phone, postalAddress, country);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
