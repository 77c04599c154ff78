package eu.privacysuite.testing;

import java.util.Map;

import eu.privacysuite.platform.LocalDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like {@link SuitePlatformResource} (the broker of this test JVM), but the service's database lives on a
 * {@link DisposablePostgres} of the test class's own, so that a fault test can stop it and start it again
 * ({@link #postgres()}). Use with {@code restrictToAnnotatedClass = true}: the server is made for one class.
 */
public class DisposableDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static volatile DisposablePostgres postgres;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("DisposableDatabaseResource needs the init arg 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        DisposablePostgres server = DisposablePostgres.start();
        postgres = server;
        LocalDatabases databases = server.databases();
        databases.recreate(database);
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

    /** The running server of the current test class. */
    public static DisposablePostgres postgres() {
        DisposablePostgres server = postgres;
        if (server == null) {
            throw new IllegalStateException("no DisposablePostgres: annotate the test with DisposableDatabaseResource");
        }
        return server;
    }
}
