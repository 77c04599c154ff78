package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.BreachApi.form;
import static eu.privacysuite.dsr.BreachApi.record;
import static eu.privacysuite.dsr.BreachApi.trail;
import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.mail.OutgoingMailRepository;
import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * GDPR art. 34: the people of a HIGH_RISK breach are found across the participants (their answers played on the
 * real broker, sealed as the participants seal them), counted before anything is sent, and on the controller's go
 * get one letter each in their language; a second go sends nobody a second letter.
 */
@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "dsr_test"))
@QuarkusTestResource(TestTokens.class)
class BreachPeopleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MockMailbox mailbox;

    @Inject
    SealedExports sealed;

    @Inject
    SubjectKeys keys;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutgoingMailRepository outgoing;

    @Inject
    EntityManager em;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void thePeopleFoundAcrossParticipantsAreCountedThenEachGetsOneLetterInTheirLanguageAndOnlyOnce() throws Exception {
        UUID breach = record(form(Instant.now().minusSeconds(3600), "HIGH_RISK"));
        JsonPath asked = search(breach, Map.of("everyone", false,
                "categories", List.of("PROSPECT", "NEWSLETTER", "COOKIE_CONSENT"),
                "windowFrom", "2026-01-01T00:00:00Z", "windowUntil", "2026-12-01T00:00:00Z"))
                .then().statusCode(202).extract().jsonPath();
        UUID search = UUID.fromString(asked.getString("searchId"));
        assertEquals(List.of("PENDING", "PENDING", "PENDING"), asked.getList("participants.answer"));

        ConsumerRecord<String, String> sent = DsrApi.bus().await(Topics.DSR_COMMANDS,
                r -> r.value().contains(search.toString()), WAIT);
        JsonNode command = mapper.readTree(sent.value()).get("data");
        assertEquals("BREACH_SCOPE", command.get("action").asText());
        assertEquals(breach.toString(), command.get("scope").get("breachId").asText());
        assertEquals("[\"COOKIE_CONSENT\",\"NEWSLETTER\",\"PROSPECT\"]", command.get("scope").get("categories").toString());

        String anne = newEmail();
        String bruno = newEmail();
        String carla = newEmail(); // known to consent-service only: no address to write to
        String anneKey = keys.forEmail(anne);
        answer(breach, search, "contact-service", List.of(
                new AffectedPerson(anneKey, "PROSPECT", anne, "en"),
                new AffectedPerson(anneKey, "NEWSLETTER", anne, "en"),
                new AffectedPerson(keys.forEmail(bruno), "PROSPECT", bruno, "fr")));
        answer(breach, search, "consent-service", List.of(
                new AffectedPerson(anneKey, "COOKIE_CONSENT", null, null),
                new AffectedPerson(keys.forEmail(carla), "COOKIE_CONSENT", null, null)));
        DsrApi.reply("breach:" + breach, search, "retention-service", DsrOutcome.NOTHING_FOUND, 0, null);

        awaitTrue("every participant answers", WAIT, () -> !status(breach).getList("participants.answer")
                .contains("PENDING"));
        JsonPath counted = status(breach);
        assertEquals(Map.of("COOKIE_CONSENT", 2, "NEWSLETTER", 1, "PROSPECT", 2), counted.getMap("byCategory"));
        assertEquals(Map.of("NEWSLETTER", 1, "PROSPECT", 2),
                counted.getMap("participants.find { it.service == 'contact-service' }.byCategory"));
        assertEquals("NOTHING_FOUND", counted.getString("participants.find { it.service == 'retention-service' }.answer"));
        assertEquals(3, counted.getInt("people"), "anne once, though three categories and two participants name her");
        assertEquals(1, counted.getInt("withoutAddress"));
        assertEquals(2, counted.getInt("letters.remaining"));
        assertFalse(counted.prettify().contains("@"), "no address in the counts");
        assertTrue(mailbox.getTotalMessagesSent() == 0, "nothing is sent before the go");

        go(breach).then().statusCode(200).body("letters.queued", equalTo(2)).body("letters.remaining", equalTo(0));
        awaitTrue("the letters are sent", WAIT, () -> mailbox.getMailsSentTo(anne).size() == 1
                && mailbox.getMailsSentTo(bruno).size() == 1);
        Mail english = mailbox.getMailsSentTo(anne).get(0);
        assertEquals("A security incident concerns your personal data", english.getSubject());
        assertTrue(english.getText().contains("A backup of the contact database was left readable"), english.getText());
        assertTrue(english.getText().contains("Our data protection officer: DPO, dpo@example.org"), english.getText());
        Mail french = mailbox.getMailsSentTo(bruno).get(0);
        assertEquals("Un incident de sécurité concerne vos données personnelles", french.getSubject());
        assertTrue(french.getText().contains("Ce que nous avons fait") && french.getText().contains("Bucket made private"), french.getText());
        assertTrue(mailbox.getMailsSentTo(carla).isEmpty());
        assertEquals(0L, storedAddresses(breach), "no address is kept once its letter is queued");

        go(breach).then().statusCode(200).body("letters.queued", equalTo(2));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> outgoing.count("subjectKey", anneKey)),
                "a second go queues nothing for a person already written to");
        assertEquals(1, mailbox.getMailsSentTo(anne).size());

        List<String> events = trail(breach).getList("entries.event");
        assertTrue(events.stream().anyMatch(e -> e.startsWith("search for the affected people (art. 34) sent to "
                + "contact-service, consent-service, retention-service: categories COOKIE_CONSENT, NEWSLETTER, "
                + "PROSPECT")), events.toString());
        assertTrue(events.contains("contact-service answered the search for the affected people DONE: 2 person(s) "
                + "(NEWSLETTER 1, PROSPECT 2)"), events.toString());
        assertTrue(events.contains("go for the art. 34 letters: 2 letter(s) to queue, 1 person(s) without an address"),
                events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("art. 34 letters queued in the mail outbox: 2, "
                + "failed: 0")), events.toString());
        assertTrue(events.stream().noneMatch(e -> e.contains("@") && !e.contains("dpo@")), events.toString());
        assertTrue(trail(breach).getBoolean("verified"));
    }

    @Test
    void theLettersWaitForEveryParticipantAndTheScopeCannotChangeOnceTheyHaveGone() {
        UUID breach = record(form(Instant.now().minusSeconds(3600), "HIGH_RISK"));
        go(breach).then().statusCode(409).contentType("application/problem+json");
        UUID search = UUID.fromString(search(breach, Map.of("everyone", true)).then().statusCode(202)
                .extract().path("searchId"));
        String dora = newEmail();
        answer(breach, search, "contact-service", List.of(new AffectedPerson(keys.forEmail(dora), "NEWSLETTER", dora,
                "fr")));
        awaitTrue("contact-service's answer is in", WAIT, () -> "DONE".equals(status(breach)
                .getString("participants.find { it.service == 'contact-service' }.answer")));
        go(breach).then().statusCode(409);
        assertTrue(mailbox.getMailsSentTo(dora).isEmpty());

        DsrApi.reply("breach:" + breach, search, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        DsrApi.reply("breach:" + breach, search, "retention-service", DsrOutcome.NOTHING_FOUND, 0, null);
        awaitTrue("every participant answers", WAIT, () -> !status(breach).getList("participants.answer")
                .contains("PENDING"));
        go(breach).then().statusCode(200).body("letters.queued", equalTo(1));
        search(breach, Map.of("everyone", true)).then().statusCode(409);
    }

    @Test
    void onlyAHighRiskBreachIsSearchedAndTheScopeIsParsedStrictly() {
        UUID risk = record(form(Instant.now().minusSeconds(3600), "RISK"));
        search(risk, Map.of("everyone", true)).then().statusCode(409).contentType("application/problem+json");
        UUID high = record(form(Instant.now().minusSeconds(3600), "HIGH_RISK"));
        search(high, Map.of()).then().statusCode(400).body("errors.field", hasItem("everyone"));
        search(high, Map.of("everyone", false)).then().statusCode(400).body("errors.field", hasItem("categories"));
        search(high, Map.of("everyone", false, "categories", List.of("DSR_CASE"))).then().statusCode(400)
                .body("errors.field", hasItem("categories"));
        search(high, Map.of("everyone", true, "categories", List.of("PROSPECT"))).then().statusCode(400)
                .body("errors.field", hasItem("categories"));
        search(high, Map.of("everyone", false, "categories", List.of("PROSPECT"), "windowFrom", "2026-02-01T00:00:00Z",
                "windowUntil", "2026-01-01T00:00:00Z")).then().statusCode(400)
                .body("errors.field", hasItem("windowUntil"));
        given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + high + "/affected-people").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(Map.of("everyone", true))
                .post("/api/breaches/" + high + "/affected-people/search").then().statusCode(403);
        DsrApi.post("""
                {"type":"BREACH_SCOPE","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"}}
                """.formatted(newEmail())).then().statusCode(422).body("errors.field", hasItem("type"));
    }

    private void answer(UUID breach, UUID search, String service, List<AffectedPerson> people) {
        List<String> parts = sealed.sealPeople(search, service, people);
        for (int i = 0; i < parts.size(); i++) {
            DsrApi.exportReply("breach:" + breach, search, service, people.size(), parts.get(i), i, parts.size());
        }
    }

    private long storedAddresses(UUID breach) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from breach_letter where breach_id = ?1 and sealed_email is not null")
                .setParameter(1, breach).getSingleResult()).longValue());
    }

    private static Response search(UUID breach, Object scope) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(scope)
                .post("/api/breaches/" + breach + "/affected-people/search");
    }

    private static Response go(UUID breach) {
        return given().auth().oauth2(TestTokens.controller()).post("/api/breaches/" + breach + "/letters");
    }

    private static JsonPath status(UUID breach) {
        return given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + breach + "/affected-people").then()
                .statusCode(200).extract().jsonPath();
    }
}
