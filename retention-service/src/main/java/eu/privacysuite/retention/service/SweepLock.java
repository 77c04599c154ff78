package eu.privacysuite.retention.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One sweep at a time across replicas: a PostgreSQL session advisory lock, held on a connection of its own for
 * the whole sweep. If the replica dies, its connection closes and the lock is released with it.
 */
@ApplicationScoped
public class SweepLock {

    /** The lock's key: any constant the suite uses for nothing else ("retention sweep"). */
    static final long KEY = 0x5245_5445_4E54L;

    private final DataSource dataSource;

    public SweepLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or empty when another replica is sweeping; close it to release. */
    public Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the sweep lock: " + e.getMessage(), e);
        }
    }

    public static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            } catch (SQLException e) {
                // Closing the connection below ends the session, and the lock with it.
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
