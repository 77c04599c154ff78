package eu.privacysuite.consent.rest;

import java.time.Instant;

/** The policy version a visitor consents to, named by its date. */
public record PolicyVersionView(String version, Instant publishedAt) {
}
