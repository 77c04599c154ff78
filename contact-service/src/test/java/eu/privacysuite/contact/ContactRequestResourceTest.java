package eu.privacysuite.contact;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.domain.Prospect;
import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "contact_test"))
@QuarkusTestResource(TestTokens.class)
class ContactRequestResourceTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ProspectRepository prospects;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    MockMailbox mailbox;

    private final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());

    @Test
    void submissionIsItsOwnRequestWithItsClockAndNoticeButNoProspectOrLinkBeforeConfirmation() {
        UUID visitor = UUID.randomUUID();
        String email = Api.uniqueEmail("jeanne");
        String id = Api.send(Api.form(email, "Jeanne", "05 53 69 22 00", visitor)).then().statusCode(201)
                .body("id", notNullValue()).body("receivedAt", notNullValue())
                .body("notice.language", equalTo("fr"))
                // The schedule's figures (%test: PROSPECT P18M, NEWSLETTER P1Y6M), never a figure written in the text.
                .body("notice.retention", containsString("18 mois à compter"))
                .body("notice.retention", containsString("1 an et 6 mois après"))
                .body("notice.retention", not(containsString("3 ans")))
                .body("notice.recipients", containsString("aucun tiers"))
                .body(not(containsString("Jeanne")))
                .extract().path("id");
        String subjectKey = subjectKeys.forEmail(email);

        ContactRequest request = Api.find(ContactRequest.class, UUID.fromString(id));
        assertEquals("+33553692200", request.details.phone);
        assertEquals(email, request.details.email);
        assertNull(request.prospect, "not in the prospect file before the address is confirmed");
        assertTrue(prospectOf(subjectKey) == null);

        var clock = bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id), Duration.ofSeconds(20));
        assertEquals(subjectKey, clock.key());
        assertTrue(clock.value().contains("COLLECTED") && clock.value().contains("PROSPECT"));
        assertFalse(clock.value().toLowerCase().contains("jeanne"), "no personal data on the bus");
        Api.awaitOutboxDrained(subjectKey);
        assertTrue(bus.readAll(Topics.SUBJECT_LINKS).stream().noneMatch(r -> r.value().contains(visitor.toString())),
                "an unconfirmed address links no visitor");

        Mail ack = Api.awaitMail(mailbox, email);
        assertTrue(ack.getSubject().contains("reçu"), "French acknowledgement");
        Api.confirm(Api.confirmToken(ack)).then().statusCode(200).body("confirmed", equalTo("CONTACT_ADDRESS"));

        Prospect prospect = prospectOf(subjectKey);
        assertEquals("Jeanne", prospect.details.firstName);
        var link = bus.await(Topics.SUBJECT_LINKS, r -> r.value().contains(visitor.toString()), Duration.ofSeconds(20));
        assertFalse(link.value().contains("example.fr"));
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(prospect.id.toString()) && r.value().contains("COLLECTED"),
                Duration.ofSeconds(20));
    }

    @Test
    void strangersSubmissionLeavesTheProspectItsClockAndTheLinksUntouched() {
        String email = Api.uniqueEmail("owner");
        UUID ownerVisitor = UUID.randomUUID();
        Api.send(Api.form(email, "Owner", "0553692200", ownerVisitor)).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        String subjectKey = subjectKeys.forEmail(email);
        Prospect before = prospectOf(subjectKey);

        UUID strangerVisitor = UUID.randomUUID();
        String strangers = Api.send(Api.form(email.toUpperCase(), "Stranger", null, strangerVisitor))
                .then().statusCode(201).extract().path("id");

        Prospect after = prospectOf(subjectKey);
        assertEquals("Owner", after.details.firstName);
        assertEquals("+33553692200", after.details.phone, "a missing field erases nothing");
        assertEquals(before.lastContactAt, after.lastContactAt, "the prospect's clock is not extended");
        ContactRequest stored = Api.find(ContactRequest.class, UUID.fromString(strangers));
        assertEquals("Stranger", stored.details.firstName, "the submission keeps its own details");
        assertNull(stored.prospect);

        Api.awaitOutboxDrained(subjectKey);
        assertTrue(bus.readAll(Topics.SUBJECT_LINKS).stream().noneMatch(r -> r.value().contains(strangerVisitor.toString())));
        assertTrue(bus.readAll(Topics.RETENTION_LIFECYCLE).stream()
                .noneMatch(r -> r.value().contains(before.id.toString()) && r.value().contains("LAST_CONTACT")));
    }

    @Test
    void confirmationLinkWorksOnceAndNotAfterItExpiredAndOpeningItChangesNothing() {
        String email = Api.uniqueEmail("once");
        Api.send(Api.form(email, "Once", null, null)).then().statusCode(201);
        String token = Api.confirmToken(Api.awaitMail(mailbox, email));
        io.restassured.RestAssured.given().get("/api/confirmations/" + token).then().statusCode(200)
                .contentType(containsString("text/html"));
        assertNull(prospectOf(subjectKeys.forEmail(email)), "a mail scanner opening the link confirms nothing");
        Api.confirm(token).then().statusCode(200);
        Api.confirm(token).then().statusCode(404).contentType("application/problem+json");

        String late = Api.uniqueEmail("late");
        Api.send(Api.form(late, "Late", null, null)).then().statusCode(201);
        String lateToken = Api.confirmToken(Api.awaitMail(mailbox, late));
        Api.sql("update confirmation_token set expires_at = now() - interval '1 minute' where subject_key = ?1",
                subjectKeys.forEmail(late));
        Api.confirm(lateToken).then().statusCode(410).contentType("application/problem+json");
        assertNull(prospectOf(subjectKeys.forEmail(late)));
        Api.confirm("not-a-token").then().statusCode(404);
    }

    @Test
    void sameIdempotencyKeyMakesOneRequestAndAnotherKeyAnother() {
        String email = Api.uniqueEmail("twice");
        String body = Api.form(email, "Twice", null, null);
        String first = Api.site().header("Idempotency-Key", "k-1").body(body).post("/api/contact-requests")
                .then().statusCode(201).extract().path("id");
        String again = Api.site().header("Idempotency-Key", "k-1").body(body).post("/api/contact-requests")
                .then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        Api.site().header("Idempotency-Key", "k-2").body(body).post("/api/contact-requests").then().statusCode(201);
        assertEquals(2, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1", subjectKeys.forEmail(email)));
    }

    @Test
    void concurrentFirstSubmissionsAndConfirmationsOfOneNewEmailNeverFail() throws Exception {
        String email = Api.uniqueEmail("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sends.add(() -> Api.send(Api.form(email, "Race", null, null)).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(sends)) {
                assertEquals(201, status.get());
            }
            String subjectKey = subjectKeys.forEmail(email);
            List<Mail> mails = Api.await("four acknowledgements", Duration.ofSeconds(15),
                    () -> mailbox.getMailsSentTo(email) != null && mailbox.getMailsSentTo(email).size() == 4
                            ? mailbox.getMailsSentTo(email) : null);
            List<Callable<Integer>> confirms = mails.stream()
                    .<Callable<Integer>>map(m -> () -> Api.confirm(Api.confirmToken(m)).statusCode()).toList();
            for (Future<Integer> status : pool.invokeAll(confirms)) {
                assertEquals(200, status.get());
            }
            assertEquals(1, Api.count("select count(p) from Prospect p where p.subjectKey = ?1", subjectKey));
            assertEquals(4, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1 and r.prospect is not null",
                    subjectKey), "every confirmed request is attached to the one prospect");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void honeypotFilledIsAnsweredAsUsualButNothingIsKeptOrSent() {
        String email = Api.uniqueEmail("robot");
        String body = Api.form(email, "Robot", null, null).replace("\"visitorId\":null", "\"visitorId\":null,\"website\":\"http://spam\"");
        Api.send(body).then().statusCode(201).body("id", notNullValue());
        assertEquals(0, Api.count("select count(r) from ContactRequest r where r.subjectKey = ?1", subjectKeys.forEmail(email)));
        assertEquals(0, Api.count("select count(m) from OutgoingMail m where m.subjectKey = ?1", subjectKeys.forEmail(email)));
    }

    @Test
    void honeypotAnswerCannotBeToldFromTheRealOneAndBothLocationsAnswerAStrangerAlike() {
        String real = Api.form(Api.uniqueEmail("human"), "Human", null, null);
        String robot = Api.form(Api.uniqueEmail("robot"), "Robot", null, null)
                .replace("\"visitorId\":null", "\"visitorId\":null,\"website\":\"http://spam\"");
        io.restassured.response.Response human = Api.send(real);
        io.restassured.response.Response bot = Api.send(robot);
        human.then().statusCode(201);
        bot.then().statusCode(201);
        assertEquals(headerNames(human), headerNames(bot));
        assertEquals(human.jsonPath().getMap("$").keySet(), bot.jsonPath().getMap("$").keySet());
        String humanLocation = human.header("Location");
        String botLocation = bot.header("Location");
        assertTrue(humanLocation.endsWith("/api/contact-requests/" + human.jsonPath().getString("id")));
        assertTrue(botLocation.endsWith("/api/contact-requests/" + bot.jsonPath().getString("id")));
        // The Location names a resource that exists: a stranger gets the same 401 for both, the controller the request.
        io.restassured.RestAssured.given().get(java.net.URI.create(humanLocation).getPath()).then().statusCode(401);
        io.restassured.RestAssured.given().get(java.net.URI.create(botLocation).getPath()).then().statusCode(401);
        Api.controller().get(java.net.URI.create(humanLocation).getPath()).then().statusCode(200)
                .body("id", equalTo(human.jsonPath().getString("id")));
    }

    @Test
    void acknowledgementStatesTheScheduledRetentionInTheMailsLanguage() {
        String fr = Api.uniqueEmail("duree");
        Api.send(Api.form(fr, "Jeanne", null, null)).then().statusCode(201);
        String text = Api.awaitMail(mailbox, fr).getText();
        assertTrue(text.contains("conservées 18 mois après"), text);
        assertFalse(text.contains("3 ans"));
        String en = Api.uniqueEmail("period");
        Api.site().header("Accept-Language", "en").body(Api.form(en, "Jane", null, null)).post("/api/contact-requests")
                .then().statusCode(201).body("notice.retention", containsString("18 months from"))
                .body("notice.retention", containsString("1 year and 6 months after"));
        assertTrue(Api.awaitMail(mailbox, en).getText().contains("kept 18 months after"));
    }

    @Test
    void confirmationTokenOfTheWrongShapeIsRefusedBeforeAnything() {
        for (String token : List.of("abc%00def", "%07" + "A".repeat(42), "A".repeat(42) + "%0A", "A".repeat(44), "short")) {
            io.restassured.RestAssured.given().urlEncodingEnabled(false).get("/api/confirmations/" + token)
                    .then().statusCode(404).contentType("application/problem+json");
            io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("application/json")
                    .post("/api/confirmations/" + token).then().statusCode(404).contentType("application/problem+json");
            io.restassured.RestAssured.given().urlEncodingEnabled(false).accept("text/html")
                    .post("/api/confirmations/" + token).then().statusCode(404).contentType("application/problem+json");
        }
        // A token of the right shape still opens the page (which confirms nothing by itself).
        io.restassured.RestAssured.given().get("/api/confirmations/" + "A".repeat(43)).then().statusCode(200);
    }

    private static List<String> headerNames(io.restassured.response.Response response) {
        return response.headers().asList().stream().map(h -> h.getName().toLowerCase()).sorted().toList();
    }

    @Test
    void aClientOverItsAllowanceGets429WithRetryAfter() {
        String client = "2001:db8:ffff::" + Integer.toHexString(new java.util.Random().nextInt(0xffff));
        String body = Api.form(Api.uniqueEmail("flood"), "Flood", null, null);
        for (int i = 0; i < 20; i++) {
            io.restassured.RestAssured.given().contentType("application/json").header("X-Forwarded-For", client)
                    .body(body).post("/api/contact-requests").then().statusCode(201);
        }
        io.restassured.RestAssured.given().contentType("application/json").header("X-Forwarded-For", client)
                .body(body).post("/api/contact-requests")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        // Another client is not held back by this one.
        Api.send(body).then().statusCode(201);
    }

    @Test
    void englishSiteGetsTheNoticeAndTheMailInEnglish() {
        String email = Api.uniqueEmail("jane");
        Api.site().header("Accept-Language", "en-GB,en;q=0.9").body(Api.form(email, "Jane", null, null))
                .post("/api/contact-requests").then().statusCode(201)
                .body("notice.language", equalTo("en")).body("notice.rights", containsString("objection"));
        assertTrue(Api.awaitMail(mailbox, email).getSubject().contains("We received"));
    }

    @Test
    void unknownPathGivesAProblem() {
        io.restassured.RestAssured.given().when().get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void readinessChecksDatabaseBrokerAndOutbox() {
        io.restassured.RestAssured.given().when().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    private Prospect prospectOf(String subjectKey) {
        return QuarkusTransaction.requiringNew().call(() -> prospects.findBySubjectKey(subjectKey).orElse(null));
    }
}
