package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** GDPR art. 12(3): one extension of one or two months, with the reason the subject is told. */
public record ExtensionForm(@NotNull @Min(1) @Max(2) Integer months, @NotBlank @Size(max = 500) String reason) {
}
