package eu.privacysuite.dsr.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.shared.events.DsrAction;

/**
 * A data-subject request as the controller records it. {@code visitorIds} are the banner's pseudonymous ids the
 * person gave, so that cookie consents not yet linked to them are included.
 */
public record DsrRequestForm(
        @NotNull DsrAction type,
        @NotNull @Valid DataSubject subject,
        @Size(max = 50) List<@NotNull UUID> visitorIds) {

    public DsrRequestForm {
        visitorIds = visitorIds == null ? List.of() : visitorIds;
    }
}
