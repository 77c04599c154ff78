package eu.privacysuite.consent.rest;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import eu.privacysuite.consent.domain.ConsentAction;

/**
 * A visitor's cookie choice as the banner sends it. {@code visitorToken} is the signed visitor id the service
 * issued with the first choice (none on a first choice); {@code decisions} maps the site's services to accepted
 * (true) or refused (false) for a CUSTOM choice, a service not named being refused. {@code site} defaults to
 * the configured default site; {@code action} to CUSTOM.
 */
public record ConsentRequest(
        @Size(max = 64) String site,
        @Size(max = 100) String visitorToken,
        @NotBlank @Size(max = 32) String policyVersion,
        ConsentAction action,
        @Size(max = 100) Map<String, Boolean> decisions,
        @Size(max = 16) @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", message = "must be a language tag")
        String language) {

    public ConsentRequest {
        decisions = decisions == null ? Map.of() : decisions;
        action = action == null ? ConsentAction.CUSTOM : action;
    }
}
