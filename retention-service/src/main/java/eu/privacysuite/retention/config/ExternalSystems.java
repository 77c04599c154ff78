package eu.privacysuite.retention.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Systems outside the suite that feed the ledger over signed HTTP (docs/external-systems.md, "Retention feeds"):
 * {@code privacy.retention.external.systems.<name>.signing-key} and {@code .categories}. None by default.
 */
@ConfigMapping(prefix = "privacy.retention.external")
public interface ExternalSystems {

    /** A signed message whose timestamp is further than this from the service's clock is refused. */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** The systems by name (lower-case letters, digits and dashes): the owner its categories name. */
    Map<String, System> systems();

    interface System {

        /** The shared secret of the HMAC (decision 0043), at least 32 characters. */
        String signingKey();

        /** The categories of the schedule it owns and feeds: their rule's owner is this system's name. */
        List<String> categories();
    }
}
