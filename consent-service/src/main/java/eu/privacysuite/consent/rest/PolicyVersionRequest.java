package eu.privacysuite.consent.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new version of a site's policy: its text, the date users see, and the purposes (categories) it changed. */
public record PolicyVersionRequest(
        @NotBlank @Size(max = 64) String site,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'")
        String version,
        @NotBlank @Size(max = 15_000) String text,
        @NotNull LocalDate shownDate,
        @NotNull @Size(max = 10) List<@NotBlank String> changedPurposes) {
}
