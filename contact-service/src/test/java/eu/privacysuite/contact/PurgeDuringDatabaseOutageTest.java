package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** An order that meets a database outage is not lost: nothing is reported, and the re-sent order completes. */
@QuarkusTest
@TestProfile(OutageDatabase.class)
class PurgeDuringDatabaseOutageTest {

    @Inject
    ProspectRepository prospects;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    ObjectMapper mapper;

    @Test
    void anOrderThatMetADownDatabaseIsPurgedAndReportedWhenSentAgainAfterItComesBack() {
        String email = "outage." + UUID.randomUUID() + "@example.fr";
        given().contentType(ContentType.JSON).body(ContactRequestResourceTest.form(email, "0553692200", null))
                .post("/api/contact-requests").then().statusCode(201);
        Prospect prospect = QuarkusTransaction.requiringNew()
                .call(() -> prospects.findBySubjectKey(subjectKeys.forEmail(email)).orElseThrow());
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE, List.of(prospect.id.toString()),
                prospect.lastContactAt);
        String orderId = retention.orderId(order).toString();

        OutageDatabase.server.stop();
        try {
            retention.send(order);
            // The consumer gives up on this delivery; no report says anything was purged.
            retention.bus.await(Topics.deadLetter(Topics.RETENTION_PURGES), r -> orderId.equals(r.key()), Duration.ofSeconds(60));
            assertEquals(0, retention.bus.readAll(Topics.RETENTION_PURGE_REPORTS).stream()
                    .filter(r -> orderId.equals(r.key())).count());
        } finally {
            OutageDatabase.server.startServer();
        }

        // retention-service sends the unreported order again, unchanged, until it is reported (the pool may
        // still hand out a connection the outage broke).
        PurgeReport report = null;
        for (int attempt = 0; attempt < 6 && report == null; attempt++) {
            retention.send(order);
            try {
                report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(10));
            } catch (AssertionError notYet) {
                // sent again at the next turn
            }
        }
        assertEquals(List.of(prospect.id.toString()), report == null ? null : report.purged());
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> prospects.count("id", prospect.id)));
    }
}
