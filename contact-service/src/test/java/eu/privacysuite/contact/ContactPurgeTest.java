package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Purge orders for prospects: deleted with their messages, or held when their clock moved; reported once. */
@QuarkusTest
class ContactPurgeTest {

    @Inject
    ProspectRepository prospects;
    @Inject
    ContactRequestRepository requests;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    ObjectMapper mapper;

    @Test
    void anExpiredProspectIsDeletedWithItsMessagesAFreshOneIsHeldAndAReSentOrderIsReportedAgain() {
        String expiredEmail = "expired." + UUID.randomUUID() + "@example.fr";
        Prospect expired = contact(expiredEmail, 2);
        Prospect fresh = contact("fresh." + UUID.randomUUID() + "@example.fr", 1);
        String gone = UUID.randomUUID().toString();
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);

        // The ledger knew the expired prospect's last contact; the fresh one wrote again after it.
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE,
                List.of(expired.id.toString(), fresh.id.toString(), gone), expired.lastContactAt);
        retention.send(order);
        UUID orderId = retention.orderId(order);
        PurgeReport report = retention.awaitReport(orderId, 1, Duration.ofSeconds(30));

        assertEquals(List.of(expired.id.toString()), report.purged());
        assertEquals(List.of(fresh.id.toString()), report.held());
        assertEquals(List.of(gone), report.alreadyGone());
        String subjectKey = subjectKeys.forEmail(expiredEmail);
        assertEquals(0, count("select count(*) from prospect where subject_key = ?1 or email = ?2", subjectKey, expiredEmail));
        assertEquals(0, count("select count(*) from contact_request where subject_key = ?1", subjectKey));
        assertEquals(1, count("select count(*) from prospect where id = ?1", fresh.id));

        // Sent again (no report arrived in time): nothing more is deleted, the same report goes out again.
        retention.send(order);
        assertEquals(report, retention.awaitReport(orderId, 2, Duration.ofSeconds(30)));
        assertEquals(1, count("select count(*) from prospect where id = ?1", fresh.id));
    }

    @Test
    void anonymizeKeepsTheProspectWithoutAnythingThatNamesThePerson() {
        String email = "anon." + UUID.randomUUID() + "@example.fr";
        Prospect prospect = contact(email, 1);
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.ANONYMIZE,
                List.of(prospect.id.toString()), prospect.lastContactAt);
        retention.send(order);
        assertEquals(List.of(prospect.id.toString()),
                retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30)).purged());
        assertEquals(1, count("select count(*) from prospect where id = ?1 and email = '' and first_name = ''"
                + " and phone is null and postal_address is null and subject_key like 'anonymized:%'", prospect.id));
        assertEquals(0, count("select count(*) from contact_request where prospect_id = ?1", prospect.id));
    }

    @Test
    void anOrderForACategoryContactDoesNotOwnGoesToTheDeadLetterTopic() {
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "COOKIE_CONSENT", PurgeAction.DELETE, List.of("x"), Instant.now());
        retention.send(order);
        String orderId = retention.orderId(order).toString();
        retention.bus.await(Topics.deadLetter(Topics.RETENTION_PURGES), r -> orderId.equals(r.key()), Duration.ofSeconds(30));
        // An order addressed to another service is not this one's to report.
        String other = retention.order("consent-service", "COOKIE_CONSENT", PurgeAction.DELETE, List.of("y"), Instant.now());
        String marker = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE, List.of("z"), Instant.now());
        // Same key, so the marker's report proves the other order was handled before it.
        retention.bus.send(Topics.RETENTION_PURGES, orderId, other);
        retention.bus.send(Topics.RETENTION_PURGES, orderId, marker);
        retention.awaitReport(retention.orderId(marker), 1, Duration.ofSeconds(30));
        assertTrue(retention.bus.readAll(Topics.RETENTION_PURGE_REPORTS).stream()
                .noneMatch(r -> r.key().equals(retention.orderId(other).toString())));
    }

    private Prospect contact(String email, int times) {
        for (int i = 0; i < times; i++) {
            given().contentType(ContentType.JSON).body(ContactRequestResourceTest.form(email, "0553692200", null))
                    .post("/api/contact-requests").then().statusCode(201);
        }
        return QuarkusTransaction.requiringNew().call(() -> prospects.findBySubjectKey(subjectKeys.forEmail(email)).orElseThrow());
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = prospects.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
