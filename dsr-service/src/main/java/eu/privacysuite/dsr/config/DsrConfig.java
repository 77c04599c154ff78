package eu.privacysuite.dsr.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import eu.privacysuite.shared.events.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the DSR saga runs: who must answer, how long the controller has, and how patient it is with silence. */
@ConfigMapping(prefix = "dsr")
public interface DsrConfig {

    /** The services that must reply to every command before a request is complete. */
    @WithDefault(Topics.SUITE_PARTICIPANT_NAMES)
    List<String> participants();

    /** Policy art. 9 and GDPR art. 12(3): the controller answers the user within 30 days of receipt. */
    @WithDefault("P30D")
    Period responseDeadline();

    /** An open request due within this period is "due soon": listed, counted and flagged. */
    @WithDefault("P7D")
    Period dueSoon();

    /** How often the deadline watch flags requests newly due soon or overdue; read by the scheduler. */
    @WithDefault("1h")
    Duration deadlineCheckInterval();

    /**
     * AUTOMATED_DECISION (GDPR art. 22): what the controller states, recorded on the request and shown in its view.
     */
    @WithDefault("No decision producing legal effects concerning you, or similarly significantly affecting you, is "
            + "based solely on automated processing of your personal data. / Aucune décision produisant des effets "
            + "juridiques à votre égard, ou vous affectant de manière significative de façon similaire, n'est fondée "
            + "exclusivement sur un traitement automatisé de vos données personnelles.")
    String automatedDecisionStatement();

    /** How long a mailed identity code is valid. */
    @WithDefault("PT30M")
    Duration identityCodeTtl();

    /** Wrong tries of one mailed identity code before it is void. */
    @WithDefault("5")
    int identityCodeMaxAttempts();

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
