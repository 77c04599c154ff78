package eu.privacysuite.shared.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer waits between attempts while a fault lasts: the wait doubles from the first to the longest. */
@ConfigMapping(prefix = "privacy.consumer.retry")
public interface ConsumerRetryConfig {

    @WithDefault("200ms")
    Duration firstWait();

    @WithDefault("10s")
    Duration longestWait();
}
