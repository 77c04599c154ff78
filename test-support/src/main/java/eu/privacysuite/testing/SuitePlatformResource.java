package eu.privacysuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import eu.privacysuite.platform.KraftBroker;
import eu.privacysuite.platform.LocalDatabases;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's {@code @QuarkusTest}s the real platform: a KRaft broker started in this JVM with every
 * suite topic, and a freshly created PostgreSQL database named by the {@code database} init arg. Nothing is
 * mocked and nothing is skipped: if PostgreSQL is not there, the tests fail and say where they looked.
 */
public class SuitePlatformResource implements QuarkusTestResourceLifecycleManager {

    private static KraftBroker broker;
    private static String preparedDatabase;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String named = initArgs.get("database");
        if (named == null) {
            throw new IllegalArgumentException("SuitePlatformResource needs the init arg 'database'");
        }
        database = databasePrefix() + named;
    }

    @Override
    public Map<String, String> start() {
        LocalDatabases databases = LocalDatabases.fromEnvironment();
        synchronized (SuitePlatformResource.class) {
            if (!database.equals(preparedDatabase)) {
                databases.recreate(database);
                preparedDatabase = database;
            }
            if (broker == null) {
                broker = startBroker();
                Runtime.getRuntime().addShutdownHook(new Thread(SuitePlatformResource::stopBroker, "test-broker-stop"));
            }
        }
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", databases.jdbcUrl(database),
                "quarkus.datasource.username", databases.user(),
                "quarkus.datasource.password", databases.password());
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM: restarting it per test class would only cost time.
    }

    /**
     * {@code PRIVACY_TEST_DB_PREFIX} lets two checkouts run their tests at once on one PostgreSQL without
     * recreating each other's databases; empty by default.
     */
    public static String databasePrefix() {
        return System.getenv().getOrDefault("PRIVACY_TEST_DB_PREFIX", "");
    }

    /** The broker the tests of this JVM share, for tests that read or write topics directly. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the test broker is not started; annotate the test with SuitePlatformResource");
        }
        return broker.bootstrapServers();
    }

    /** Stops the shared broker (a real outage for every client of this JVM) until {@link #restartBroker()}. */
    public static synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on the same ports, with the same topics and data. */
    public static synchronized void restartBroker() {
        broker = broker.startAgain();
    }

    private static KraftBroker startBroker() {
        try {
            KraftBroker started = KraftBroker.start(Files.createTempDirectory("privacy-test-kafka"), 0, 0);
            started.createTopics(Topics.all(), 3);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
