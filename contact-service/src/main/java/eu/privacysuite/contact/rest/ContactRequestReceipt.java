package eu.privacysuite.contact.rest;

import java.time.Instant;
import java.util.UUID;

/** The answer to a sent contact form: no personal data is echoed back. */
public record ContactRequestReceipt(UUID id, Instant receivedAt) {
}
