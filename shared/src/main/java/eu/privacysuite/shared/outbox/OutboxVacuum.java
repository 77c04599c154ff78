package eu.privacysuite.shared.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Vacuums {@code outbox_event} once the relay has deleted {@code privacy.outbox.vacuum-after} rows since the last
 * time (docs/decisions/0051). The table is a queue: every event is inserted, then deleted a moment later, and each
 * deleted row stays in the table and in its indexes, dead, until a vacuum. The relay's claim reads the oldest rows
 * first, so it walks every dead entry left at the head of the index; with PostgreSQL's autovacuum off, or between
 * two of its passes (one a minute by default), each claim got slower and the relay with it.
 *
 * <p>{@code VACUUM (SKIP_LOCKED, TRUNCATE false)}, out of any transaction: it takes no lock that writers wait for
 * (without {@code TRUNCATE false} it would take an exclusive lock for a moment to give back the table's empty tail),
 * and a replica whose vacuum finds another one running skips it. Not the table's owner: PostgreSQL skips it with a warning.
 * A vacuum that fails (the database away) is not retried before another batch of deletions: the relay's own
 * faults are the relay's business, not this.
 */
@ApplicationScoped
class OutboxVacuum {

    private static final Logger LOG = Logger.getLogger(OutboxVacuum.class);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Counter vacuums;
    /** Rows deleted since the last vacuum; only the relay thread uses it. */
    private long deleted;

    OutboxVacuum(DataSource dataSource, OutboxConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.vacuums = Counter.builder("privacy.outbox.vacuums")
                .description("vacuums of the outbox table the relay ran after deleting rows").register(registry);
    }

    /** The relay deleted these rows, committed: vacuum when enough have been deleted since the last time. */
    void deleted(int rows) {
        if (config.vacuumAfter() <= 0) {
            return;
        }
        deleted += rows;
        if (deleted < config.vacuumAfter()) {
            return;
        }
        deleted = 0;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (skip_locked, truncate false) outbox_event");
            vacuums.increment();
            LOG.debugf("outbox_event vacuumed in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warnf("outbox_event could not be vacuumed (%s); the next %d deleted rows try again", e.getMessage(),
                    config.vacuumAfter());
        }
    }
}
