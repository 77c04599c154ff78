package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.DisposableDatabaseResource;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An order that meets a database outage is a fault, not a bad message: it is held and retried, nothing goes to the
 * dead-letter topic, and once the database is back the same delivery purges and is reported once.
 */
@QuarkusTest
@TestProfile(PurgeDuringDatabaseOutageTest.OwnDatabase.class)
class PurgeDuringDatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DisposableDatabaseResource.class, Map.of("database", "contact_outage")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper mapper;

    @Test
    void anOrderThatMetADownDatabaseIsHeldThenPurgedAndReportedOnceWithNothingDeadLettered() throws Exception {
        String email = "outage." + UUID.randomUUID() + "@example.fr";
        UUID request = UUID.fromString(Api.site().body(Api.form(email, "Jeanne", "0553692200", null))
                .post("/api/contact-requests").then().statusCode(201).extract().path("id"));
        Instant receivedAt = QuarkusTransaction.requiringNew().call(() -> ((OffsetDateTime) entityManager
                .createNativeQuery("select received_at from contact_request where id = ?1", OffsetDateTime.class)
                .setParameter(1, request).getSingleResult()).toInstant());
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE, List.of(request.toString()),
                receivedAt);
        String orderId = retention.orderId(order).toString();

        DisposableDatabaseResource.postgres().stop();
        try {
            retention.send(order);
            org.awaitility.Awaitility.await("nothing reported while the database is down").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10)).until(() -> retention.bus.readAll(Topics.RETENTION_PURGE_REPORTS)
                            .stream().noneMatch(r -> orderId.equals(r.key())));
        } finally {
            DisposableDatabaseResource.postgres().startServer();
        }

        PurgeReport report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(60));
        assertEquals(List.of(request.toString()), report.purged());
        assertEquals(0, retention.bus.readAll(Topics.deadLetter(Topics.RETENTION_PURGES)).stream()
                .filter(r -> orderId.equals(r.key())).count(), "a fault is retried, never dead-lettered");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from contact_request where id = ?1").setParameter(1, request)
                .getSingleResult()).longValue()));
    }
}
