package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.contact.domain.ContactRequestRepository;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Purge orders for contact requests: deleted or anonymized, or held when their clock moved; reported once. */
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
    @Inject
    DataSource dataSource;

    @Test
    void anExpiredContactRequestIsDeletedAFreshOneIsHeldAndAReSentOrderIsReportedAgain() {
        String expiredEmail = "expired." + UUID.randomUUID() + "@example.fr";
        UUID expired = contact(expiredEmail);
        UUID fresh = contact("fresh." + UUID.randomUUID() + "@example.fr");
        String gone = UUID.randomUUID().toString();
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);

        // The ledger knew when the expired request was received; the fresh one came after that.
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE,
                List.of(expired.toString(), fresh.toString(), gone), receivedAt(expired));
        retention.send(order);
        UUID orderId = retention.orderId(order);
        PurgeReport report = retention.awaitReport(orderId, 1, Duration.ofSeconds(30));

        assertEquals(List.of(expired.toString()), report.purged());
        assertEquals(List.of(fresh.toString()), report.held());
        assertEquals(List.of(gone), report.alreadyGone());
        String subjectKey = subjectKeys.forEmail(expiredEmail);
        assertEquals(0, count("select count(*) from contact_request where subject_key = ?1 or email = ?2", subjectKey,
                expiredEmail));
        assertEquals(1, count("select count(*) from contact_request where id = ?1", fresh));

        // Sent again (no report arrived in time): nothing more is deleted, the same report goes out again.
        retention.send(order);
        assertEquals(report, retention.awaitReport(orderId, 2, Duration.ofSeconds(30)));
        assertEquals(1, count("select count(*) from contact_request where id = ?1", fresh));
    }

    @Test
    void anonymizeKeepsTheRequestWithoutAnythingThatNamesThePerson() {
        String email = "anon." + UUID.randomUUID() + "@example.fr";
        UUID request = contact(email);
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.ANONYMIZE,
                List.of(request.toString()), receivedAt(request));
        retention.send(order);
        assertEquals(List.of(request.toString()),
                retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30)).purged());
        assertEquals(1, count("select count(*) from contact_request where id = ?1 and email is null and first_name is null"
                + " and phone is null and message = '' and subject_key like 'anonymized:%'", request));
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

    @Test
    void anOrderKeyedForAnotherOwnerIsSkippedUnreadAndOneKeyedForThisServiceIsRead() {
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        // Bodies that are not orders at all: read, either would be dead-lettered as malformed.
        String elsewhere = PurgeOrder.key("consent-service", UUID.randomUUID());
        String here = PurgeOrder.key("contact-service", UUID.randomUUID());
        RecordMetadata skipped = retention.bus.send(Topics.RETENTION_PURGES, elsewhere, "not an order");
        retention.bus.send(Topics.RETENTION_PURGES, here, "not an order either");

        retention.bus.await(Topics.deadLetter(Topics.RETENTION_PURGES), r -> here.equals(r.key()), Duration.ofSeconds(30));
        TopicPartition partition = new TopicPartition(skipped.topic(), skipped.partition());
        await("contact-service to pass the other owner's record").atMost(Duration.ofSeconds(30))
                .until(() -> retention.bus.committedOffset("contact-service", partition) > skipped.offset());
        assertTrue(retention.bus.readAll(Topics.deadLetter(Topics.RETENTION_PURGES)).stream()
                .noneMatch(r -> elsewhere.equals(r.key())), "another owner's order is not read, so not dead-lettered");
    }

    @Test
    void aProspectGoesWithItsRequestARowAnotherTransactionHoldsIsHeldAndAnAnonymizedOneIsAlreadyGone() throws Exception {
        UUID request = contact("due." + UUID.randomUUID() + "@example.fr");
        UUID prospect = prospectOf(request);
        UUID locked = contact("locked." + UUID.randomUUID() + "@example.fr");
        UUID anonymized = contact("anonymized." + UUID.randomUUID() + "@example.fr");
        QuarkusTransaction.requiringNew().run(() -> prospects.getEntityManager().createNativeQuery(
                "update contact_request set subject_key = 'anonymized:' || id where id = ?1")
                .setParameter(1, anonymized).executeUpdate());
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("contact-service", "PROSPECT", PurgeAction.DELETE,
                List.of(request.toString(), prospect.toString(), locked.toString(), anonymized.toString()),
                Instant.now());

        PurgeReport report;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from contact_request where id = ? for update")) {
                lock.setObject(1, locked);
                lock.executeQuery().close();
            }
            retention.send(order);
            report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30));
            other.rollback();
        }

        assertEquals(Set.of(request.toString(), prospect.toString()), Set.copyOf(report.purged()));
        assertEquals(List.of(locked.toString()), report.held());
        assertEquals(List.of(anonymized.toString()), report.alreadyGone());
        assertEquals(0, count("select count(*) from contact_request where id = ?1", request));
        assertEquals(0, count("select count(*) from prospect where id = ?1", prospect));
        assertEquals(1, count("select count(*) from contact_request where id = ?1", locked));
        assertEquals(0, count("select count(*) from confirmation_token where record_id = ?1", request));
    }

    /** A prospect of the file for the request's person, named by the request, and a confirmation token for it. */
    private UUID prospectOf(UUID request) {
        UUID prospect = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = prospects.getEntityManager();
            em.createNativeQuery("""
                    insert into prospect (id, subject_key, first_name, last_name, email, country, collected_at,
                                          last_contact_at)
                    select ?1, 'prospect:' || ?1, first_name, last_name, email, country, received_at, received_at
                      from contact_request where id = ?2
                    """).setParameter(1, prospect).setParameter(2, request).executeUpdate();
            em.createNativeQuery("update contact_request set prospect_id = ?1 where id = ?2").setParameter(1, prospect)
                    .setParameter(2, request).executeUpdate();
            em.createNativeQuery("""
                    insert into confirmation_token (token_hash, purpose, record_id, subject_key, expires_at)
                    select 'test:' || ?1, 'CONTACT', id, subject_key, now() + interval '1 day'
                      from contact_request where id = ?1
                    """).setParameter(1, request).executeUpdate();
        });
        return prospect;
    }

    private UUID contact(String email) {
        return UUID.fromString(Api.site().body(Api.form(email, "Jeanne", "0553692200", null))
                .post("/api/contact-requests").then().statusCode(201).extract().path("id"));
    }

    private Instant receivedAt(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> ((java.time.OffsetDateTime) prospects.getEntityManager()
                .createNativeQuery("select received_at from contact_request where id = ?1", java.time.OffsetDateTime.class)
                .setParameter(1, request).getSingleResult()).toInstant());
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
