package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.erasureBody;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.service.AuditTrail;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The audit trail: who did what and when, chained by hash per request, and the check that finds a tampered entry.
 * Every request here is brought to completion, so that no re-send of the saga adds entries while another test counts.
 */
@QuarkusTest
class AuditTrailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OPERATOR = "controller-7";

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    DataSource database;

    @Inject
    AuditTrail trail;

    @Test
    void theChainVerifiesAfterASagaAndNamesTheTokensSubject() throws SQLException {
        UUID id = completedErasure();

        JsonPath audit = audit(id, TestTokens.auditor());
        assertTrue(audit.getBoolean("verified"));
        assertNull(audit.get("brokenAt"));
        List<String> actors = audit.getList("entries.actor");
        // Received, identity asked for, identity verified: the controller's acts; three answers and completion: the saga's.
        assertEquals(List.of(OPERATOR, OPERATOR, OPERATOR, "dsr-service", "dsr-service", "dsr-service", "dsr-service"),
                actors.subList(0, 7), "the controller recorded it and verified who asked, the saga did the rest");
        assertTrue(audit.getString("entries[0].event").startsWith("ERASURE request received"));
        assertTrue(audit.getList("entries.event").stream().anyMatch(e -> e.toString().startsWith("completed")));
        assertNull(audit.get("entries[0].prevHash"));
        for (int i = 1; i < actors.size(); i++) {
            assertEquals(audit.getString("entries[" + (i - 1) + "].hash"), audit.getString("entries[" + i + "].prevHash"));
        }
        // The hashes are those of the documented recipe, computed here by PostgreSQL (as the migration does).
        assertEquals(audit.getList("entries.hash"), hashesBySql(id));
        // The controller reads it too; the trail names the operator, never the data subject.
        assertEquals(actors, audit(id, TestTokens.controller()).getList("entries.actor"));
    }

    @Test
    void aRetryIsRecordedUnderTheSubjectOfTheTokenThatAskedIt() {
        String email = newEmail();
        UUID id = erasureAs(OPERATOR, email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.FAILED, 0, "database unreachable");
        reply(key, id, "consent-service", DsrOutcome.DONE, 1, null);
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the failure is flagged", WAIT, () -> "NEEDS_ATTENTION".equals(view(id).getString("status")));

        given().auth().oauth2(TestTokens.controllerNamed("controller-9"))
                .post("/api/requests/" + id + "/retry?participant=contact-service").then().statusCode(200);
        reply(key, id, "contact-service", DsrOutcome.DONE, 2, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));

        JsonPath audit = audit(id, TestTokens.auditor());
        List<String> actors = audit.getList("entries.actor");
        int retry = actors.indexOf("controller-9");
        assertTrue(retry > 0, "the retry is recorded under its asker: " + actors);
        assertTrue(audit.getString("entries[" + retry + "].event").startsWith("retry asked"));
        assertTrue(audit.getBoolean("verified"));
    }

    @Test
    void anEntryAlteredBySqlBreaksTheChainAtThatEntry() throws SQLException {
        UUID id = completedErasure();
        long second = entryIds(id).get(1);
        // The table refuses an update outright...
        assertThrows(SQLException.class, () -> sql("update dsr_audit set event = 'nothing happened' where id = ?",
                second, false));
        assertTrue(audit(id, TestTokens.auditor()).getBoolean("verified"));
        // ...so the tamperer, a superuser, switches the trigger off for the session.
        sql("update dsr_audit set event = 'contact-service replied NOTHING_FOUND (0 records)' where id = ?", second, true);

        JsonPath audit = audit(id, TestTokens.auditor());
        assertFalse(audit.getBoolean("verified"));
        assertEquals(2, audit.getInt("brokenAt"));
        assertTrue(audit.getString("problem").contains("altered"), audit.getString("problem"));
    }

    @Test
    void anEntryDeletedBySqlBreaksTheChainWhereItWas() throws SQLException {
        UUID id = completedErasure();
        List<Long> entries = entryIds(id);
        sql("delete from dsr_audit where id = ?", entries.get(2), false);

        JsonPath audit = audit(id, TestTokens.auditor());
        assertFalse(audit.getBoolean("verified"));
        assertEquals(3, audit.getInt("brokenAt"), "the entry that followed the deleted one no longer follows");
        assertEquals(entries.size() - 1, audit.getList("entries").size());
    }

    @Test
    void theLastEntryDeletedBySqlIsNoticedToo() throws SQLException {
        UUID id = completedErasure();
        List<Long> entries = entryIds(id);
        sql("delete from dsr_audit where id = ?", entries.get(entries.size() - 1), false);

        JsonPath audit = audit(id, TestTokens.auditor());
        assertFalse(audit.getBoolean("verified"));
        assertEquals(entries.size(), audit.getInt("brokenAt"), "one past the last entry left");
        assertTrue(audit.getString("problem").contains("deleted"), audit.getString("problem"));
    }

    @Test
    void concurrentAppendsToOneRequestNeverForkTheChain() throws Exception {
        UUID id = completedErasure();
        int before = entryIds(id).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String event = "concurrent step " + i;
                appends.add(() -> {
                    QuarkusTransaction.requiringNew().run(() -> trail.record(id, "test-writer", event));
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(appends)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonPath audit = audit(id, TestTokens.auditor());
        assertEquals(before + 40, audit.getList("entries").size());
        assertTrue(audit.getBoolean("verified"), () -> audit.getString("problem"));
        assertEquals(audit.getList("entries").size(), new HashSet<>(audit.getList("entries.prevHash")).size(),
                "no two entries follow the same one");
    }

    @Test
    void theTrailIsForTheControllerAndTheAuditorOnly() {
        UUID id = completedErasure();
        given().get("/api/requests/" + id + "/audit").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withGroups(Set.of("privacy-reader"))).get("/api/requests/" + id + "/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + UUID.randomUUID() + "/audit")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/not-a-uuid/audit")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private UUID completedErasure() {
        String email = newEmail();
        UUID id = erasureAs(OPERATOR, email);
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, 2, null);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        return id;
    }

    /** An erasure recorded by the operator, who also records that the subject's identity was verified. */
    private static UUID erasureAs(String operator, String email) {
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.controllerNamed(operator)).contentType(ContentType.JSON)
                .body(erasureBody(email)).post("/api/requests").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(TestTokens.controllerNamed(operator)).contentType(ContentType.JSON)
                .body("{\"verified\":true,\"method\":\"DOCUMENT\"}").post("/api/requests/" + id + "/identity")
                .then().statusCode(200);
        return id;
    }

    private static JsonPath audit(UUID id, String token) {
        return given().auth().oauth2(token).get("/api/requests/" + id + "/audit").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private List<Long> entryIds(UUID id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select id from dsr_audit where request_id = ? order by id")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    private List<String> hashesBySql(UUID id) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("""
                select encode(sha256(convert_to('dsr-audit-v1', 'UTF8')
                    || int4send(octet_length(coalesce(prev_hash, ''))) || convert_to(coalesce(prev_hash, ''), 'UTF8')
                    || int4send(36) || convert_to(request_id::text, 'UTF8')
                    || int4send(octet_length(((extract(epoch from at) * 1000000)::bigint)::text))
                    || convert_to(((extract(epoch from at) * 1000000)::bigint)::text, 'UTF8')
                    || int4send(octet_length(convert_to(actor, 'UTF8'))) || convert_to(actor, 'UTF8')
                    || int4send(octet_length(convert_to(event, 'UTF8'))) || convert_to(event, 'UTF8')), 'hex')
                  from dsr_audit where request_id = ? order by id""")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.add(r.getString(1));
                }
            }
        }
        return hashes;
    }

    /** Runs one statement on one row, as someone with SQL access; {@code bypassTriggers} as a superuser can. */
    private void sql(String statement, long rowId, boolean bypassTriggers) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                if (bypassTriggers) {
                    s.execute("set local session_replication_role = replica");
                }
            }
            try (PreparedStatement s = c.prepareStatement(statement)) {
                s.setLong(1, rowId);
                assertEquals(1, s.executeUpdate());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
