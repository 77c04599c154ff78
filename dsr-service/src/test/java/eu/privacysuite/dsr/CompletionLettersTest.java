package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.decideIdentity;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.post;
import static eu.privacysuite.dsr.DsrApi.reply;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Policy art. 8 and GDPR art. 19: a completed RECTIFICATION, ERASURE or RESTRICTION is followed by a letter to the
 * person in their language, naming the services that acted, and by a notice per recipient the policy names.
 */
@QuarkusTest
class CompletionLettersTest extends RequestTestBase {

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void emptyMailbox() {
        mailbox.clear();
    }

    @Test
    void aCompletedErasureIsToldToThePersonInEnglishNamingTheServicesThatActedAndToEachRecipient() {
        String email = newEmail();
        UUID id = verified(body("ERASURE", email, "en"));
        complete(id, email, 3);

        awaitTrue("the letter is sent", WAIT, () -> !mailbox.getMailsSentTo(email).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Mail letter = mails.get(0);
        assertEquals("Your request has been completed", letter.getSubject());
        assertTrue(letter.getText().contains("Your request concerning erasure of your personal data"), letter.getText());
        assertTrue(letter.getText().contains("- contact-service: erased 3 records"), letter.getText());
        assertTrue(letter.getText().contains("- retention-service: erased 1 record"), letter.getText());
        assertFalse(letter.getText().contains("consent-service"), "consent-service held nothing: it did not act");
        assertTrue(letter.getText().contains("We are telling the recipients of your data"), letter.getText());
        assertTrue(letter.getText().contains(id.toString()));
        assertNull(stored(id).sealedLetterEmail, "the address is not kept once the letter is queued");

        JsonPath summary = summary(id);
        assertEquals(List.of("accountant", "emailing", "host"), summary.getList("recipientNotices.recipient"));
        assertEquals("privacy@emailing.example", summary.getString("recipientNotices.find { it.recipient == 'emailing' }.contact"));
        assertEquals("EMAIL", summary.getString("recipientNotices.find { it.recipient == 'emailing' }.channel"));
        assertNull(summary.get("recipientNotices[0].deliveredAt"), "delivery over a channel is issue 20");
        List<String> audit = DsrApi.auditOf(id);
        assertTrue(audit.stream().anyMatch(e -> e.contains("completion letter queued in en naming the services that "
                + "acted: contact-service, retention-service")), audit.toString());
        assertEquals(3, audit.stream().filter(e -> e.contains("to recipient ")).count(), audit.toString());
        assertTrue(audit.stream().noneMatch(e -> e.contains(email)), "the trail never names the person");
    }

    @Test
    void aCompletedRectificationIsToldInFrenchByDefault() {
        String email = newEmail();
        UUID id = verified("""
                {"type":"RECTIFICATION","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"},
                 "corrections":{"phone":"+33553692200"}}
                """.formatted(email));
        complete(id, email, 1);
        awaitTrue("the letter is sent", WAIT, () -> !mailbox.getMailsSentTo(email).isEmpty());
        Mail letter = mailbox.getMailsSentTo(email).get(0);
        assertEquals("Votre demande a été traitée", letter.getSubject());
        assertTrue(letter.getText().contains("la rectification de vos données personnelles"), letter.getText());
        assertTrue(letter.getText().contains("- contact-service : 1 enregistrement rectifié"), letter.getText());
        assertEquals(3, summary(id).getList("recipientNotices").size());
    }

    @Test
    void theControllerTurnsTheLetterOffWithAReasonAndTheRecipientsAreStillNoticed() {
        String email = newEmail();
        UUID id = verified(body("RESTRICTION", email, "fr"));
        off(id, Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        off(id, Map.of("reason", "The request came by post.")).then().statusCode(200)
                .body("letterOffReason", equalTo("The request came by post."));
        assertNull(stored(id).sealedLetterEmail, "the address goes when the letter is turned off");
        off(id, Map.of("reason", "again")).then().statusCode(409);

        complete(id, email, 2);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        JsonPath summary = summary(id);
        assertEquals("The request came by post.", summary.getString("letterOffReason"));
        assertEquals(3, summary.getList("recipientNotices").size());
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.startsWith(TestTokens.SUBJECT
                + ": completion letter turned off — The request came by post.")));
        assertTrue(DsrApi.auditOf(id).stream().noneMatch(e -> e.contains("completion letter queued")));
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
    }

    @Test
    void anObjectionHasNoLetterNorNoticeAndALanguageIsFrOrEn() {
        String email = newEmail();
        UUID id = verified(body("OBJECTION", email, "en"));
        off(id, Map.of("reason", "by post")).then().statusCode(409).contentType("application/problem+json");
        complete(id, email, 1);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
        assertEquals(0, summary(id).getList("recipientNotices").size());
        assertTrue(DsrApi.auditOf(id).stream().noneMatch(e -> e.contains("completion letter") || e.contains("recipient")));

        post(body("ERASURE", newEmail(), "de")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("language"));
    }

    private static String body(String type, String email, String language) {
        return """
                {"type":"%s","language":"%s","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"}}
                """.formatted(type, language, email);
    }

    private static UUID verified(String body) {
        UUID id = UUID.fromString(post(body).then().statusCode(201).extract().path("id"));
        decideIdentity(id, true).then().statusCode(200);
        return id;
    }

    private void complete(UUID id, String email, long contactRecords) {
        String key = subjectKeys.forEmail(email);
        reply(key, id, "contact-service", DsrOutcome.DONE, contactRecords, null);
        reply(key, id, "consent-service", DsrOutcome.NOTHING_FOUND, 0, null);
        reply(key, id, "retention-service", DsrOutcome.DONE, 1, null);
        awaitTrue("the request completes", WAIT, () -> "COMPLETED".equals(view(id).getString("status")));
    }

    private static io.restassured.response.Response off(UUID id, Object body) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(body)
                .post("/api/requests/" + id + "/completion-letter/off");
    }

    private static JsonPath summary(UUID id) {
        return given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + id + "/summary").then()
                .statusCode(200).extract().jsonPath();
    }

    private DsrRequest stored(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> requests.findById(id));
    }
}
