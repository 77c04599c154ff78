package eu.privacysuite.contact;

import java.util.Map;

import eu.privacysuite.testing.DisposablePostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile whose database is a PostgreSQL server of the test's own, so that the test can stop it (the
 * machine's shared server is never touched). Started after the suite platform, so its datasource wins.
 */
public class OutageDatabase implements QuarkusTestProfile {

    static DisposablePostgres server;

    @Override
    public java.util.List<TestResourceEntry> testResources() {
        return java.util.List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            server = DisposablePostgres.start();
            server.databases().recreate("contact_outage");
            return Map.of("quarkus.datasource.jdbc.url", server.databases().jdbcUrl("contact_outage"),
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Override
        public int order() {
            return 100;
        }
    }
}
