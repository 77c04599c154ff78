package eu.privacysuite.dsr.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.domain.RequestChannel;
import eu.privacysuite.shared.events.DsrAction;

/**
 * A data-subject request as the controller records it. {@code visitorIds} are the banner's pseudonymous ids the
 * person gave, so that cookie consents not yet linked to them are included. {@code corrections} belong to a
 * RECTIFICATION and {@code directive} to a POST_MORTEM_DIRECTIVE, and to nothing else. {@code channel} is how the
 * request came; a client written before it existed may leave it out. {@code language} (fr or en, French when left
 * out) is the language of the letters the person gets.
 */
public record DsrRequestForm(
        @NotNull DsrAction type,
        @NotNull @Valid DataSubject subject,
        RequestChannel channel,
        @Size(max = 50) List<@NotNull UUID> visitorIds,
        @Valid CorrectionsForm corrections,
        @Valid DirectiveForm directive,
        @Pattern(regexp = "fr|en", message = "must be fr or en") String language) {

    public DsrRequestForm {
        visitorIds = visitorIds == null ? List.of() : visitorIds;
    }
}
