package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.shared.problem.BadParameter;
import eu.privacysuite.shared.problem.ProblemException;

/** Query and path values taken as text, so that a malformed one is a 400 that names it. */
final class QueryValues {

    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** At most ten digits: no sign, no decimals, and nothing that overflows a long before the range check. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

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

    /** Only the canonical form: {@code UUID.fromString} also takes "1-2-3-4-5" and reads it as another id. */
    static UUID uuid(String name, String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            throw new ProblemException(Status.BAD_REQUEST, name + " is not a UUID.");
        }
        return UUID.fromString(value);
    }

    /** A whole number in plain digits within [min, max]; absent, the documented default. */
    static int number(String name, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        long number = DIGITS.matcher(value).matches() ? Long.parseLong(value) : -1;
        if (number < min || number > max) {
            throw new ProblemException(Status.BAD_REQUEST,
                    name + " must be a whole number from " + min + " to " + max + ".");
        }
        return (int) number;
    }

    /** One of the given values exactly as written; absent, empty. */
    static Optional<String> oneOf(String name, String value, Collection<String> allowed) {
        if (value == null) {
            return Optional.empty();
        }
        if (!allowed.contains(value)) {
            throw new ProblemException(Status.BAD_REQUEST, name + " must be one of " + String.join(", ", allowed) + ".");
        }
        return Optional.of(value);
    }

    private QueryValues() {
    }
}
