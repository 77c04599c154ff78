package eu.privacysuite.dsr.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The breach register: the CNIL's 72-hour clock (GDPR art. 33(1)) and how the notification's text is written. */
@ConfigMapping(prefix = "dsr.breach")
public interface BreachConfig {

    /** Art. 33(1): the CNIL is notified without undue delay and, where feasible, within 72 hours of awareness. */
    @WithDefault("PT72H")
    Duration notificationDelay();

    /** A notification owed and due within this time is "due soon": shown, counted and flagged. */
    @WithDefault("PT24H")
    Duration dueSoon();

    /** The time zone of the dates in the French notification text and the readable register. */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** The controller's name and address, as the CNIL's form asks; the text says "à compléter" without it. */
    Optional<String> controllerIdentity();
}
