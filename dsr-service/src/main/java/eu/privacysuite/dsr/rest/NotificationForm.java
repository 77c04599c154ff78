package eu.privacysuite.dsr.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.privacysuite.shared.rest.MultilineText;

/** When the notification was sent to the CNIL; past the 72 hours, the reasons for the delay (GDPR art. 33(1)). */
public record NotificationForm(@NotNull Instant sentAt, @MultilineText @Size(max = 2000) String lateReason) {
}
