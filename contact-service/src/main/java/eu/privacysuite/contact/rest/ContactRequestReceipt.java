package eu.privacysuite.contact.rest;

import java.time.Instant;
import java.util.UUID;

/** The answer to a sent contact form: no personal data echoed back, and the information notice. */
public record ContactRequestReceipt(UUID id, Instant receivedAt, InformationNotice notice) {
}
