package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.DisposablePostgres;
import eu.privacysuite.testing.DisposableDatabaseResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The banner's endpoints while the database is down: a 503 to retry, never a 500; and service again after. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DisposableDatabaseResource.class, Map.of("database", "consent_outage")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void publicEndpointsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndServeAgainAfter() {
        UUID visitor = UUID.randomUUID();
        String consent = "{\"visitorId\":\"%s\",\"policyVersion\":\"2018-05-25\",\"decisions\":{\"twitter\":true}}"
                .formatted(visitor);
        DisposablePostgres database = DisposableDatabaseResource.postgres();
        database.stop();
        try {
            given().contentType(ContentType.JSON).body(consent).post("/api/consents").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503)).body(not(containsString(visitor.toString())));
            given().get("/api/consents/current?visitorId=" + visitor).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            given().get("/api/policy-versions/current").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            database.startServer();
        }
        given().contentType(ContentType.JSON).body(consent).post("/api/consents").then().statusCode(201);
        given().get("/api/consents/current?visitorId=" + visitor).then().statusCode(200)
                .body("decisions.twitter", equalTo(true));
    }
}
