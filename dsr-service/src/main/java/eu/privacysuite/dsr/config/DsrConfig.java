package eu.privacysuite.dsr.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the DSR saga runs: who must answer, how long the controller has, and how patient it is with silence. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    /** The services that must reply to every command before a request is complete. */
    @WithDefault("contact-service,consent-service,retention-service")
    List<String> participants();

    /** Policy art. 9: the controller answers the user within 30 days. */
    @WithDefault("P30D")
    Period responseDeadline();

    /** A participant silent for this long after a command gets the command again. */
    @WithDefault("PT2M")
    Duration participantTimeout();

    /** Sends of one command (the first included) before a silent request is flagged for the controller. */
    @WithDefault("5")
    int maxAttempts();

    /** How often the saga looks for silent participants; the scheduler reads it as {@code every}. */
    @WithDefault("30s")
    Duration resendCheckInterval();
}
