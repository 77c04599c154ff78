package eu.privacysuite.console.rest;

import java.util.Set;
import java.util.UUID;

/** The console's query and form values, parsed strictly: malformed is a 400 (BadInput), never a default. */
final class Inputs {

    private Inputs() {
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInput("'" + name + "' is not a request id (a UUID).");
        }
    }

    /** A page number from 1; absent is the first page. */
    static int page(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        if (!value.matches("[1-9][0-9]{0,4}")) {
            throw new BadInput("'page' is a whole number from 1.");
        }
        return Integer.parseInt(value);
    }

    /** Absent (null), or one of {@code allowed}. */
    static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new BadInput("'" + name + "' is one of " + new java.util.TreeSet<>(allowed) + ".");
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
