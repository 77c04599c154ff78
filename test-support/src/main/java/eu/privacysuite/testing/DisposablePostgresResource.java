package eu.privacysuite.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like {@link SuitePlatformResource}, but the service's database lives on a PostgreSQL server of the test's own
 * ({@link DisposablePostgres}), which a fault test may stop and start through {@link #server()}. Use it from a
 * {@code QuarkusTestProfile} that disables the global test resources, so the shared server is not configured too.
 */
public class DisposablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static DisposablePostgres server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "service");
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = DisposablePostgres.start();
        }
        server.databases().ensureExists(database);
        return Map.of(
                "kafka.bootstrap.servers", SuitePlatformResource.startedBroker(),
                "quarkus.datasource.jdbc.url", server.databases().jdbcUrl(database),
                "quarkus.datasource.username", server.databases().user(),
                "quarkus.datasource.password", server.databases().password());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The private server the service under test uses now. */
    public static synchronized DisposablePostgres server() {
        if (server == null) {
            throw new IllegalStateException("no disposable PostgreSQL is running; is the test profile using this resource?");
        }
        return server;
    }
}
