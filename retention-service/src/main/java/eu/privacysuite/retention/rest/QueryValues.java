package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.shared.problem.BadParameter;
import eu.privacysuite.shared.problem.ProblemException;

/** Query and path values taken as text, so that a malformed one is a 400 that names it. */
final class QueryValues {

    static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Taken as sent: " 2026-01-31T00:00:00Z" is not an instant, nor is "   " an absent one.
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, name + " is not a UUID.");
        }
    }

    private QueryValues() {
    }
}
