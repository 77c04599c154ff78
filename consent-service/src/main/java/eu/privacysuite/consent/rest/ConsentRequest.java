package eu.privacysuite.consent.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A visitor's cookie choice as the banner sends it. {@code decisions} maps service ids of the catalogue to
 * accepted (true) or refused (false); a service not named is refused.
 */
public record ConsentRequest(
        @NotNull UUID visitorId,
        @NotBlank @Size(max = 32) String policyVersion,
        @Size(max = 100) Map<String, Boolean> decisions) {

    public ConsentRequest {
        decisions = decisions == null ? Map.of() : decisions;
    }
}
