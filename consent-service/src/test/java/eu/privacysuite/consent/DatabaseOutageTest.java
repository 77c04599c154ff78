package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.DisposablePostgres;
import eu.privacysuite.testing.DisposableDatabaseResource;
import eu.privacysuite.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The banner's endpoints while the database is down: a 503 to retry, never a 500; and service again after. The
 * database is also down when the service starts, and is started five seconds after its test resource: the service's
 * start waits for it.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DisposableDatabaseResource.class,
                    Map.of("database", "consent_outage", "upAfter", "PT5S")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void theStartWaitedForItsDatabaseAndMigratedItOnceItWasUp() throws SQLException {
        Instant started = DisposableDatabaseResource.startedAt();
        assertNotNull(started, "the database was started during the service's start");
        Management.given().get("/q/health/ready").then().statusCode(200);
        try (Connection connection = DisposableDatabaseResource.postgres().databases().connect("consent_outage");
                ResultSet first = connection.createStatement().executeQuery("select min(installed_on) at time zone "
                        + "current_setting('TimeZone') from flyway_schema_history")) {
            first.next();
            Instant migrated = first.getObject(1, OffsetDateTime.class).toInstant();
            assertTrue(migrated.isAfter(started),
                    "the first migration ran at " + migrated + ", after the database was started at " + started);
        }
    }

    @Test
    void publicEndpointsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndServeAgainAfter() {
        JsonPath first = ConsentApi.give("{\"google-analytics\":false}");
        String visitor = first.getString("visitorId");
        String token = first.getString("visitorToken");
        DisposablePostgres database = DisposableDatabaseResource.postgres();
        database.stop();
        try {
            ConsentApi.post(ConsentApi.DEMO, token, ConsentApi.CURRENT, "CUSTOM", "{\"google-analytics\":true}", Map.of())
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503)).body(not(containsString(visitor)));
            ConsentApi.current(ConsentApi.DEMO, token).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            given().get("/api/policy-versions/current").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            database.startServer();
        }
        ConsentApi.post(ConsentApi.DEMO, token, ConsentApi.CURRENT, "CUSTOM", "{\"google-analytics\":true}", Map.of())
                .then().statusCode(201);
        ConsentApi.current(ConsentApi.DEMO, token).then().statusCode(200)
                .body("decisions.google-analytics", equalTo(true));
    }
}
