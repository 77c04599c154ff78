package eu.privacysuite.shared.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the inbox remembers a handled event: as long as the topic can deliver it again, plus a margin. */
@ConfigMapping(prefix = "privacy.inbox")
public interface InboxConfig {

    /** The event topics' retention ({@code retention.ms} of the KafkaTopics, 30 days). */
    @WithDefault("P30D")
    Duration topicRetention();

    /** Added to the retention: covers a replay from a dead-letter topic and clocks that disagree. */
    @WithDefault("P7D")
    Duration pruneMargin();

    /** How often old rows are deleted ({@code privacy.inbox.prune-interval}, read by the scheduler). */
    @WithDefault("1h")
    Duration pruneInterval();
}
