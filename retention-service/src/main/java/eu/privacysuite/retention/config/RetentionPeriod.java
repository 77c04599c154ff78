package eu.privacysuite.retention.config;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long a record is kept: an ISO-8601 period of calendar units (P3Y, P13M) as the policy states it, or a
 * duration (PT2M) so that a demonstration or a test can watch a purge happen within minutes.
 */
public record RetentionPeriod(Period period, Duration duration) {

    /** Read by the configuration: {@code P3Y}, {@code P13M}, {@code P0D}, {@code PT2M}, {@code PT24H}. */
    public static RetentionPeriod parse(CharSequence text) {
        String value = text.toString().trim();
        try {
            return value.toUpperCase().contains("T") ? new RetentionPeriod(null, Duration.parse(value))
                    : new RetentionPeriod(Period.parse(value), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 period or duration: " + value, e);
        }
    }

    public static RetentionPeriod of(Period period) {
        return new RetentionPeriod(period, null);
    }

    /** Years and months are calendar units: added on the UTC calendar (31 Jan + P1M = 28/29 Feb). */
    public Instant addTo(Instant start) {
        return period != null ? start.atOffset(ZoneOffset.UTC).plus(period).toInstant() : start.plus(duration);
    }

    public boolean isNegative() {
        return period != null ? period.isNegative() : duration.isNegative();
    }

    @Override
    public String toString() {
        return period != null ? period.toString() : duration.toString();
    }
}
