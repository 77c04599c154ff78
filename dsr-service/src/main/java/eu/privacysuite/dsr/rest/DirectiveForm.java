package eu.privacysuite.dsr.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.service.Directive;
import eu.privacysuite.shared.rest.MultilineText;

/** POST_MORTEM_DIRECTIVE: what the subject wants done with their data after death, and who is to see to it. */
public record DirectiveForm(
        @NotBlank @MultilineText @Size(max = 5000) String text,
        @NotNull @Valid TrustedThirdParty trustedThirdParty) {

    /** The person the subject names to carry out the directive. */
    public record TrustedThirdParty(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email) {

        public TrustedThirdParty {
            name = name == null ? null : name.strip();
            email = email == null ? null : email.strip();
        }
    }

    public Directive directive() {
        return new Directive(text.strip(), trustedThirdParty.name(), trustedThirdParty.email());
    }
}
