package eu.privacysuite.contact.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A newsletter subscription as the site sends it; {@code website} is the honeypot, as on the contact form. */
public record NewsletterForm(
        @NotBlank @ValidEmail String email,
        @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        @Min(1) @Max(130) Integer age,
        @ValidEmail String parentEmail,
        @Size(max = 200) String website) {

    public NewsletterForm {
        email = ContactRequestForm.strip(email);
        parentEmail = ContactRequestForm.strip(parentEmail);
    }
}
