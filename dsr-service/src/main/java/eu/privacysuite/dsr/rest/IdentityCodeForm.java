package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The code the subject sent back, as the controller enters it. */
public record IdentityCodeForm(@NotNull @Pattern(regexp = "\\d{6}", message = "must be six digits") String code) {
}
