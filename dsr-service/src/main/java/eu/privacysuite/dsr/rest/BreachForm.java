package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.domain.BreachNature;
import eu.privacysuite.dsr.domain.BreachRisk;
import eu.privacysuite.dsr.service.BreachFacts;
import eu.privacysuite.shared.rest.MultilineText;

/**
 * A breach as the controller records it, or corrects it as the investigation goes on (the whole record each time).
 * Sizes keep the body under the door's 16K. {@code retentionCategories} may be empty for a breach outside the
 * suite's records; the window is optional and either end may be open.
 */
public record BreachForm(
        @NotNull Instant occurredAt,
        @NotNull Instant awareAt,
        @NotEmpty @Size(max = 3) List<@NotNull BreachNature> natures,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> dataCategories,
        @NotNull @Size(max = 10) List<@NotBlank @Size(max = 40) String> retentionCategories,
        Instant windowFrom,
        Instant windowUntil,
        @NotNull @Min(0) @Max(1_000_000_000) Integer approxSubjects,
        @NotNull @Min(0) @Max(1_000_000_000) Integer approxRecords,
        @MultilineText @NotBlank @Size(max = 2000) String description,
        @MultilineText @NotBlank @Size(max = 2000) String consequences,
        @MultilineText @NotBlank @Size(max = 2000) String measures,
        @MultilineText @NotBlank @Size(max = 500) String dpoContact,
        @NotNull BreachRisk risk,
        @MultilineText @NotBlank @Size(max = 2000) String riskReasons) {

    BreachFacts facts() {
        return new BreachFacts(occurredAt, awareAt, natures, dataCategories.stream().map(String::strip).toList(),
                retentionCategories, windowFrom, windowUntil, approxSubjects, approxRecords, description.strip(),
                consequences.strip(), measures.strip(), dpoContact.strip(), risk, riskReasons.strip());
    }
}
