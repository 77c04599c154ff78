package eu.privacysuite.contact.service;

import java.time.Instant;
import java.util.UUID;

/** What a submission became: its id and time, and whether it repeated an earlier one (same Idempotency-Key). */
public record Receipt(UUID id, Instant receivedAt, boolean repeated) {
}
