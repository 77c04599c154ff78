package eu.privacysuite.shared.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "privacy.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; replicas share the work through row locks. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when nothing is waiting and no commit woke it. */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("100")
    int batchSize();

    /**
     * How long a relay round's rows stay its own while it sends them with no transaction open (decision 0050).
     * Longer than one wave of a round can wait (the producer's delivery timeout, 25 s). Past it, another relay, or
     * this one started again after a crash, takes the rows again: a row may then be sent twice, never lost.
     */
    @WithDefault("30s")
    Duration lease();

    /**
     * The relay vacuums the outbox table each time it has deleted this many rows since the last time (decision
     * 0051); 0 leaves the table to PostgreSQL's autovacuum alone.
     */
    @WithDefault("10000")
    long vacuumAfter();

    /** How long a relay thread that ended unexpectedly stays down (readiness DOWN) before it is started again. */
    @WithDefault("5s")
    Duration restartDelay();

    /** Readiness turns DOWN when the oldest waiting event is older than this. */
    @WithDefault("2m")
    Duration maxLag();
}
