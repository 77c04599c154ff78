package eu.privacysuite.retention.config;

import java.util.List;
import java.util.Map;

import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.PurgeAction;
import io.smallrye.config.ConfigMapping;

/**
 * The retention schedule of the policy (art. 3): per category of records, who owns them, how long they are
 * kept after their clock starts, what happens then, and on what legal basis. The defaults are in
 * application.properties, e.g. prospects are kept 3 years after collection or last contact.
 */
@ConfigMapping(prefix = "retention")
public interface RetentionSchedule {

    /** The rules by category name (PROSPECT, NEWSLETTER, COOKIE_CONSENT, ...). */
    Map<String, CategoryRule> categories();

    interface CategoryRule {

        /** The service that owns the records and will be told to purge them. */
        String owner();

        /** How long a record is kept after the latest event that started its clock (P3Y, P13M, or PT2M for a demo). */
        RetentionPeriod keep();

        /** The clock events that start or restart the clock; any other event leaves it where it is. */
        List<ClockEvent> startsOn();

        /** What the owner does with a record once it is due. */
        PurgeAction action();

        /** The legal basis and purpose, by language (en, fr), as the privacy notice states them. */
        Map<String, String> legalBasis();

        /** What the records are, by language (en, fr), for the table of the privacy notice. */
        Map<String, String> description();
    }
}
