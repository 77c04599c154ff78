package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A closed request starts its DSR_CASE clock; once kept long enough it is purged with its trail; open ones are held. */
@QuarkusTest
class DsrPurgeTest extends RequestTestBase {

    @Test
    void aCompletedRequestStartsItsClockAndIsPurgedWithItsTrailWhileAnOpenOneIsHeld() throws Exception {
        String email = newEmail();
        String key = subjectKeys.forEmail(email);
        UUID closed = verifiedErasure(email);
        UUID open = verifiedErasure(newEmail());
        for (String service : List.of("contact-service", "consent-service", "retention-service")) {
            reply(key, closed, service, DsrOutcome.DONE, 1, null);
        }
        awaitTrue("the request completes", Duration.ofSeconds(30), () -> "COMPLETED".equals(view(closed).getString("status")));
        Instant completedAt = Instant.parse(view(closed).getString("completedAt"));

        PurgeOrderProbe retention = new PurgeOrderProbe(DsrApi.MAPPER);
        var clockEvent = retention.bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(closed.toString()),
                Duration.ofSeconds(30));
        JsonNode data = DsrApi.MAPPER.readTree(clockEvent.value()).get("data");
        assertEquals("DSR_CASE", data.get("category").asText());
        assertEquals("REQUEST_CLOSED", data.get("clockEvent").asText());
        assertEquals("dsr-service", data.get("service").asText());
        assertEquals(closed.toString(), clockEvent.key());
        assertTrue(!clockEvent.value().contains(key), "the case's clock names no subject");

        String order = retention.order("dsr-service", "DSR_CASE", PurgeAction.DELETE,
                List.of(closed.toString(), open.toString()), completedAt);
        retention.send(order);
        PurgeReport report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30));
        assertEquals(List.of(closed.toString()), report.purged());
        assertEquals(List.of(open.toString()), report.held(), "a request still in progress is not closed");
        assertEquals(0, fixtures.count("select count(*) from dsr_request where id = ?1 or subject_key = ?2", closed, key));
        assertEquals(0, fixtures.count("select count(*) from dsr_audit where request_id = ?1", closed));
        assertEquals(0, fixtures.count("select count(*) from participant_task where request_id = ?1", closed));
    }

    @Test
    void anIdentityDocumentLeftBehindByAClosedRequestIsPurgedAndAnOpenRequestsIsHeld() {
        UUID closed = erasure(newEmail());
        UUID open = erasure(newEmail());
        for (UUID id : List.of(closed, open)) {
            DsrIdentityDocumentTest.upload(id, DsrIdentityDocumentTest.file("%PDF-1.7", 500), "application/pdf")
                    .then().statusCode(200);
        }
        DsrApi.act(closed, "cancel", null).then().statusCode(200);
        assertEquals(0, fixtures.count("select count(*) from identity_document where request_id = ?1", closed));
        // As if the deletion at closing had been lost: the purge is the backstop.
        QuarkusTransaction.requiringNew().run(() -> requests.getEntityManager().createNativeQuery(
                "insert into identity_document (request_id, content_type, bytes, sealed, uploaded_at)"
                        + " values (?1, 'application/pdf', 1, 'dev:x', now())").setParameter(1, closed).executeUpdate());

        PurgeOrderProbe retention = new PurgeOrderProbe(DsrApi.MAPPER);
        String order = retention.order("dsr-service", "IDENTITY_DOCUMENT", PurgeAction.DELETE,
                List.of(closed.toString(), open.toString(), "not-a-request"), Instant.now());
        retention.send(order);
        PurgeReport report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30));
        assertEquals(List.of(closed.toString()), report.purged());
        assertEquals(List.of(open.toString()), report.held(), "an open request keeps its document");
        assertEquals(0, fixtures.count("select count(*) from identity_document where request_id = ?1", closed));
        assertEquals(1, fixtures.count("select count(*) from identity_document where request_id = ?1", open));
        assertEquals(1, fixtures.count("select count(*) from dsr_request where id = ?1", closed), "the case itself stays");
    }
}
