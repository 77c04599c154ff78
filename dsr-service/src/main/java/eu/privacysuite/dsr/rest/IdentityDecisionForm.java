package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.domain.IdentityMethod;

/**
 * The controller's decision on who is asking: verified or not, how it was checked, and a note for the audit trail
 * (why; never the document's contents).
 */
public record IdentityDecisionForm(@NotNull Boolean verified, @NotNull IdentityMethod method,
        @Size(max = 500) String note) {
}
