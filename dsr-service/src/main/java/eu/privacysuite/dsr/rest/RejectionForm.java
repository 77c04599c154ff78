package eu.privacysuite.dsr.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.dsr.domain.RejectionReason;

/** Why the controller refuses a request (GDPR art. 12(5)), with a note for the audit trail. */
public record RejectionForm(@NotNull RejectionReason reason, @Size(max = 500) String note) {
}
