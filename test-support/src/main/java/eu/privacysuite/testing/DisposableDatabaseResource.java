package eu.privacysuite.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import eu.privacysuite.platform.LocalDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like {@link SuitePlatformResource} (the broker of this test JVM), but the service's database lives on a
 * {@link DisposablePostgres} of the test class's own, so that a fault test can stop it and start it again
 * ({@link #postgres()}). Use with {@code restrictToAnnotatedClass = true}: the server is made for one class.
 * <p>
 * With the init arg {@code upAfter} (an ISO-8601 duration), the server is down when the service starts and comes
 * up that long after: the service's start must wait for it ({@link #startedAt()}).
 */
public class DisposableDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static volatile DisposablePostgres postgres;
    private static volatile Instant startedAt;
    private String database;
    private Duration upAfter;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("DisposableDatabaseResource needs the init arg 'database'");
        }
        upAfter = initArgs.containsKey("upAfter") ? Duration.parse(initArgs.get("upAfter")) : null;
    }

    @Override
    public Map<String, String> start() {
        Instant begun = Instant.now();
        DisposablePostgres server = DisposablePostgres.start();
        postgres = server;
        LocalDatabases databases = server.databases();
        databases.recreate(database);
        if (upAfter == null) {
            startedAt = begun;
        } else {
            server.stop();
            startedAt = null;
            Thread later = new Thread(() -> {
                try {
                    Thread.sleep(upAfter.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                startedAt = Instant.now();
                server.startServer();
            }, "database-comes-up-later");
            later.setDaemon(true);
            later.start();
        }
        return Map.of(
                "kafka.bootstrap.servers", SuitePlatformResource.sharedBroker().bootstrapServers(),
                "quarkus.datasource.jdbc.url", databases.jdbcUrl(database),
                "quarkus.datasource.username", databases.user(),
                "quarkus.datasource.password", databases.password());
    }

    @Override
    public void stop() {
        DisposablePostgres server = postgres;
        postgres = null;
        if (server != null) {
            server.close();
        }
    }

    /**
     * When the server of the test class was started, at once or {@code upAfter} later (null until then): nothing
     * could connect to it before.
     */
    public static Instant startedAt() {
        return startedAt;
    }

    /** The running server of the current test class. */
    public static DisposablePostgres postgres() {
        DisposablePostgres server = postgres;
        if (server == null) {
            throw new IllegalStateException("no DisposablePostgres: annotate the test with DisposableDatabaseResource");
        }
        return server;
    }
}
