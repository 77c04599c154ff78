package eu.privacysuite.retention.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Systems outside the suite that own retention categories (docs/external-systems.md, "Retention feeds" and "Purge
 * orders"): {@code privacy.retention.external.systems.<name>.signing-key}, {@code .categories}, {@code .purge-endpoint},
 * {@code .timeout}; and, for all of them, where they report, how a fault is retried and how often orders are sent.
 * None by default. {@link ExternalSystemsCheck} refuses to start with a bad value and names the property.
 */
@ConfigMapping(prefix = "privacy.retention.external")
public interface ExternalSystems {

    /** A signed message whose timestamp is further than this from the service's clock is refused. */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** retention-service's public base URL: a system posts its purge reports to {@code <base>/api/retention/external/<name>/purge-reports}. */
    @WithDefault("http://127.0.0.1:8084")
    URI reportBase();

    /** The first wait after a fault of a purge order's delivery; it doubles with each attempt, up to {@link #retryBackoffMax()}. */
    @WithDefault("PT2S")
    Duration retryBackoffMin();

    @WithDefault("PT10M")
    Duration retryBackoffMax();

    /** How often the sender looks for purge orders to deliver; the scheduler reads it as {@code every}. */
    @WithDefault("1s")
    Duration sendInterval();

    /** The systems by name (lower-case letters, digits and dashes): the owner its categories name. */
    Map<String, System> systems();

    interface System {

        /** The shared secret of the HMAC (decision 0043), at least 32 characters. */
        String signingKey();

        /** The categories of the schedule it owns and feeds: their rule's owner is this system's name. */
        List<String> categories();

        /**
         * Where its purge orders are posted: HTTPS (plain HTTP to a loopback address only). Without it, the system
         * purges on its own and reports RECORD_DELETED clocks; an order the sweep makes for it is FAILED at once.
         */
        Optional<URI> purgeEndpoint();

        /** How long one delivery of a purge order may take before it counts as a fault and is retried. */
        @WithDefault("PT10S")
        Duration timeout();
    }
}
