package eu.privacysuite.contact.rest;

import jakarta.validation.constraints.NotBlank;

/** Unsubscribing by address: the email alone. */
public record UnsubscribeForm(@NotBlank @ValidEmail String email) {

    public UnsubscribeForm {
        email = ContactRequestForm.strip(email);
    }
}
