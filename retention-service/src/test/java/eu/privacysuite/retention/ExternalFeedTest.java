package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.FeedCheck;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.ExternalFeedRepository;
import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The signed HTTP feed of an external system's retention clocks (docs/external-systems.md, "Retention feeds"). */
@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "retention_test"))
class ExternalFeedTest {

    private static final String CRM_KEY = "test-crm-key-0123456789abcdefghijklmnop";
    private static final String LOG_KEY = "test-log-key-0123456789abcdefghijklmnop";

    @Inject
    LedgerEntryRepository ledger;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    RetentionSchedule schedule;
    @Inject
    ExternalFeedRepository feeds;
    @Inject
    EntityManager entityManager;

    @Test
    void aSignedFeedStartsTheClockUnderTheSubjectsKeyAndAReplayOfAnEventIdChangesNothing() {
        String record = "client-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
        String body = clocks(clock(eventId, "CLIENT_IDLE", record, "\"Jeanne.Martin@example.fr\"", "CONTRACT_ENDED", ended));

        post("crm", CRM_KEY, body).statusCode(200)
                .body("clocks[0].eventId", equalTo(eventId.toString()))
                .body("clocks[0].outcome", equalTo("CLOCK_STARTED"));
        LedgerEntry entry = entry("crm", "CLIENT_IDLE", record).orElseThrow();
        assertEquals(ended.atOffset(ZoneOffset.UTC).plusYears(5).toInstant(), entry.dueAt, "5 years after the contract ended");
        assertEquals(subjectKeys.forEmail("jeanne.martin@example.fr"), entry.subjectKey);

        // The same eventId again, even with a later date and a fresh signature: applied once only.
        String again = clocks(clock(eventId, "CLIENT_IDLE", record, "null", "LAST_CONTACT", ended.plusSeconds(3600)));
        post("crm", CRM_KEY, again).statusCode(200).body("clocks[0].outcome", equalTo("DUPLICATE"));
        assertEquals(ended, entry("crm", "CLIENT_IDLE", record).orElseThrow().clockStartedAt);
        // A new event restarts the clock.
        post("crm", CRM_KEY, clocks(clock(UUID.randomUUID(), "CLIENT_IDLE", record, "null", "LAST_CONTACT",
                ended.plusSeconds(3600)))).statusCode(200).body("clocks[0].outcome", equalTo("CLOCK_STARTED"));
        assertEquals(ended.plusSeconds(3600), entry("crm", "CLIENT_IDLE", record).orElseThrow().clockStartedAt);
        // The system deleted the record: the ledger forgets it.
        post("crm", CRM_KEY, clocks(clock(UUID.randomUUID(), "CLIENT_IDLE", record, "null", "RECORD_DELETED",
                Instant.now()))).statusCode(200).body("clocks[0].outcome", equalTo("RECORD_FORGOTTEN"));
        assertTrue(entry("crm", "CLIENT_IDLE", record).isEmpty());
    }

    @Test
    void anUnsignedForgedStaleOrUnknownSenderIsRefusedAndNothingIsApplied() {
        String record = "client-" + UUID.randomUUID();
        String body = clocks(clock(UUID.randomUUID(), "CLIENT_IDLE", record, "null", "CONTRACT_ENDED", Instant.now()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        problem(given().contentType("application/json").body(bytes).post("/api/retention/external/crm/clocks").then(), 401);
        problem(post("crm", "another-key-0123456789abcdefghijklmnopqrstuvwxyz", body), 401);
        problem(post("billing", CRM_KEY, body), 401);
        problem(given().contentType("application/json")
                .header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(now - 301))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(CRM_KEY, now - 301, bytes))
                .body(bytes).post("/api/retention/external/crm/clocks").then(), 401);
        // Signed for one body, sent with another.
        String signature = ExternalSignature.sign(CRM_KEY, now, bytes);
        problem(given().contentType("application/json").header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ExternalSignature.SIGNATURE_HEADER, signature).body(body.replace("CLIENT_IDLE", "CLIENT_ACTIVE"))
                .post("/api/retention/external/crm/clocks").then(), 401);
        assertTrue(entry("crm", "CLIENT_IDLE", record).isEmpty());
        assertTrue(entry("crm", "CLIENT_ACTIVE", record).isEmpty());
    }

    @Test
    void aSystemFeedsOnlyTheCategoriesItOwnsAndNoneOfABatchWithOneItDoesNot() {
        String record = "log-" + UUID.randomUUID();
        String body = clocks(clock(UUID.randomUUID(), "CLIENT_IDLE", record, "null", "CONTRACT_ENDED", Instant.now()),
                clock(UUID.randomUUID(), "SERVER_LOG", record, "null", "COLLECTED", Instant.now()));
        problem(post("crm", CRM_KEY, body), 403).body("detail", containsString("SERVER_LOG"));
        assertTrue(entry("crm", "CLIENT_IDLE", record).isEmpty());
        assertTrue(entry("crm", "SERVER_LOG", record).isEmpty());
    }

    @Test
    void aMalformedFeedIsA400NamingTheFieldNeverItsValue() {
        Instant at = Instant.now();
        String good = clock(UUID.randomUUID(), "CLIENT_IDLE", "r-1", "null", "CONTRACT_ENDED", at);
        problem(post("crm", CRM_KEY, "not json"), 400);
        problem(post("crm", CRM_KEY, "{\"clocks\":[]}"), 400);
        problem(post("crm", CRM_KEY, "{\"clocks\":[" + good + "],\"extra\":1}"), 400);
        problem(post("crm", CRM_KEY, clocks(good.replace("CONTRACT_ENDED", "SIGNED_UP"))), 400)
                .body("detail", containsString("clockEvent")).body("detail", org.hamcrest.Matchers.not(containsString("SIGNED_UP")));
        problem(post("crm", CRM_KEY, clocks(good.replace("\"r-1\"", "\"a record\""))), 400).body("detail", containsString("recordId"));
        problem(post("crm", CRM_KEY, clocks(good.replace("\"subjectEmail\":null", "\"subjectEmail\":\"jeanne\""))), 400)
                .body("detail", containsString("subjectEmail"));
        problem(post("crm", CRM_KEY, clocks(good.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"12\""))), 400)
                .body("detail", containsString("eventId"));
        problem(post("crm", CRM_KEY, clocks(clock(UUID.randomUUID(), "CLIENT_IDLE", "r-1", "null", "CONTRACT_ENDED",
                at.plus(1, ChronoUnit.DAYS)))), 400).body("detail", containsString("future"));
        String[] many = new String[200];
        java.util.Arrays.setAll(many, i -> clock(UUID.randomUUID(), "CLIENT_IDLE", "r-" + i, "null", "COLLECTED", at));
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        String hundredAndOne = clocks(java.util.stream.IntStream.range(0, 101).mapToObj(i -> clock(UUID.randomUUID(),
                "CLIENT_IDLE", "r-" + i, "null", "COLLECTED", second).replace(",\"subjectEmail\":null", ""))
                .toArray(String[]::new));
        assertTrue(hundredAndOne.length() < 16 * 1024, "under the body limit: " + hundredAndOne.length());
        problem(post("crm", CRM_KEY, hundredAndOne), 400).body("detail", containsString("clocks"));
        problem(post("crm", CRM_KEY, clocks(many)), 413); // over the service's 16 KB
    }

    @Test
    void serverLogsAreNoLongerUnfedOnceTheLogSystemHasFedThem() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from external_feed where category = 'SERVER_LOG'").executeUpdate());
        assertTrue(FeedCheck.unfed(schedule, List.of(), feeds.fedCategories()).contains("SERVER_LOG"));
        given().get("/api/retention/policies").then().statusCode(200).body("find { it.category == 'SERVER_LOG' }.fed", equalTo(false));

        String file = "access.log." + UUID.randomUUID();
        post("platform", LOG_KEY, clocks(clock(UUID.randomUUID(), "SERVER_LOG", file, "null", "COLLECTED", Instant.now())))
                .statusCode(200).body("clocks[0].outcome", equalTo("CLOCK_STARTED"));

        assertFalse(FeedCheck.unfed(schedule, List.of(), feeds.fedCategories()).contains("SERVER_LOG"));
        given().get("/api/retention/policies").then().statusCode(200).body("find { it.category == 'SERVER_LOG' }.fed", equalTo(true));
        assertTrue(entry("platform", "SERVER_LOG", file).isPresent());
    }

    private Optional<LedgerEntry> entry(String service, String category, String recordId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findRecord(service, category, recordId));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"));
    }

    private static ValidatableResponse post(String system, String key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(key, now, bytes)).body(bytes)
                .post("/api/retention/external/" + system + "/clocks").then();
    }

    private static String clocks(String... clocks) {
        return "{\"clocks\":[" + String.join(",", clocks) + "]}";
    }

    private static String clock(UUID eventId, String category, String recordId, String subjectEmail, String event,
            Instant at) {
        return "{\"eventId\":\"" + eventId + "\",\"category\":\"" + category + "\",\"recordId\":\"" + recordId
                + "\",\"subjectEmail\":" + subjectEmail + ",\"clockEvent\":\"" + event + "\",\"at\":\"" + at + "\"}";
    }
}
