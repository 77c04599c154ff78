package eu.privacysuite.retention.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the schedule is enforced: sweep, grace window, batches, re-sends (application.properties, privacy.retention.*). */
@ConfigMapping(prefix = "privacy.retention")
public interface PurgeConfig {

    Sweep sweep();

    /** Records become purgeable this long after they fall due: the controller's time to place a legal hold. */
    Duration grace();

    /** Records per purge order: one order is one short transaction at the owner. */
    int batchSize();

    /** An order not reported within this is sent again. */
    Duration reportTimeout();

    /** Sends of one order before it is FAILED. */
    int maxAttempts();

    String resendCheckInterval();

    String dueGaugeRefresh();

    /** Categories fed by systems outside the suite (billing, CRM), so not reported as unfed at start-up. */
    Optional<List<String>> externalFeeds();

    interface Sweep {
        /** Quartz-style cron with seconds ("0 15 3 * * ?"), or "off". */
        String cron();
    }
}
