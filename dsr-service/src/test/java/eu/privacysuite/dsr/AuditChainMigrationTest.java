package eu.privacysuite.dsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.DsrAuditEntry;
import eu.privacysuite.dsr.service.AuditChain;
import eu.privacysuite.testing.SuitePlatformResource;

/**
 * V2__audit_chain.sql chains the entries written before the trail had a chain, with the recipe AuditChain uses:
 * after the migration, each request's old entries verify against their head, from which the next append goes on.
 */
class AuditChainMigrationTest {

    private static final String SERVER = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1")
            + ":" + System.getenv().getOrDefault("PGPORT", "5432") + "/";
    private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("PGPASSWORD", "");

    @Test
    void entriesWrittenBeforeTheChainAreChainedPerRequestAndVerify() throws SQLException {
        String name = SuitePlatformResource.databasePrefix() + "dsr_audit_migration";
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = server.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        String url = SERVER + name;
        FluentConfiguration flyway = Flyway.configure().dataSource(url, USER, PASSWORD)
                .locations("classpath:db/shared", "classpath:db/migration").outOfOrder(true);
        flyway.target("1").load().migrate();

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
            for (UUID id : List.of(first, second)) {
                try (PreparedStatement s = db.prepareStatement("insert into dsr_request (id, type, status, subject_key, "
                        + "received_at, due_at, command_event, attempts) values (?, 'ERASURE', 'COMPLETED', 'k', now(), "
                        + "now(), '{}', 1)")) {
                    s.setObject(1, id);
                    s.executeUpdate();
                }
            }
            // Interleaved, with a time of microsecond precision and text beyond ASCII, as the old trail held them.
            insert(db, first, "2026-03-01T10:00:00.123456Z", "ERASURE request recorded");
            insert(db, second, "2026-03-01T10:00:01Z", "ERASURE request recorded");
            insert(db, first, "2026-03-01T10:00:02.5Z", "contact-service replied DONE (2 records) — ok");
            insert(db, first, "2026-03-01T10:00:03Z", "completed: every participant has acted");
        }

        flyway.target("latest").load().migrate();

        try (Connection db = DriverManager.getConnection(url, USER, PASSWORD)) {
            List<DsrAuditEntry> firstTrail = trail(db, first);
            assertEquals(3, firstTrail.size());
            assertTrue(firstTrail.stream().allMatch(e -> "dsr-service".equals(e.actor)));
            assertTrue(AuditChain.verify(firstTrail, 3, head(db, first)).intact());
            assertTrue(AuditChain.verify(trail(db, second), 1, head(db, second)).intact());
            assertFalse(AuditChain.verify(firstTrail.subList(0, 2), 3, head(db, first)).intact(),
                    "the head remembers the last entry");
        } finally {
            try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                    Statement s = server.createStatement()) {
                s.execute("drop database if exists " + name);
            }
        }
    }

    private static void insert(Connection db, UUID request, String at, String event) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("insert into dsr_audit (request_id, at, event) values (?, ?, ?)")) {
            s.setObject(1, request);
            s.setTimestamp(2, Timestamp.from(Instant.parse(at)));
            s.setString(3, event);
            s.executeUpdate();
        }
    }

    private static List<DsrAuditEntry> trail(Connection db, UUID request) throws SQLException {
        List<DsrAuditEntry> entries = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(
                "select at, actor, event, prev_hash, hash from dsr_audit where request_id = ? order by id")) {
            s.setObject(1, request);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    DsrAuditEntry e = new DsrAuditEntry();
                    e.requestId = request;
                    e.at = r.getTimestamp(1).toInstant();
                    e.actor = r.getString(2);
                    e.event = r.getString(3);
                    e.prevHash = r.getString(4);
                    e.hash = r.getString(5);
                    entries.add(e);
                }
            }
        }
        return entries;
    }

    private static String head(Connection db, UUID request) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select hash from dsr_audit_head where request_id = ?")) {
            s.setObject(1, request);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
