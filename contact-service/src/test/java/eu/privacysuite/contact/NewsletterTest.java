package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.privacysuite.contact.service.SubjectLists;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
class NewsletterTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    SubjectLists subjects;

    static void subscribe(String email) {
        Api.site().body("{\"email\":\"" + email + "\"}").post("/api/newsletter/subscriptions").then().statusCode(202)
                .body("notice.language", equalTo("fr"));
    }

    static List<String> subscribers() {
        return Api.controller().get("/api/newsletter/subscribers?size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.email");
    }

    @Test
    void subscriptionIsActiveOnlyOnceConfirmedAndTheTokenWorksOnce() {
        String email = Api.uniqueEmail("reader");
        subscribe(email);
        Mail optIn = Api.awaitMail(mailbox, email);
        assertTrue(optIn.getHeaders().containsKey("List-Unsubscribe"), "every message carries the unsubscribe link");
        assertTrue(!subscribers().contains(email), "unconfirmed is not on the list");
        String token = Api.confirmToken(optIn);
        Api.confirm(token).then().statusCode(200).body("confirmed", equalTo("NEWSLETTER_OPT_IN"));
        assertTrue(subscribers().contains(email));
        Api.confirm(token).then().statusCode(404);
    }

    @Test
    void expiredOptInTokenIsRefusedAndTheUnconfirmedSubscriptionIsDeleted() {
        String email = Api.uniqueEmail("slow");
        subscribe(email);
        String token = Api.confirmToken(Api.awaitMail(mailbox, email));
        String subjectKey = Api.subjectKey(email);
        Api.sql("update confirmation_token set expires_at = now() - interval '1 minute' where subject_key = ?1", subjectKey);
        Api.confirm(token).then().statusCode(410);
        Api.sql("update newsletter_subscription set requested_at = now() - interval '3 days' where subject_key = ?1", subjectKey);
        io.quarkus.arc.Arc.container().instance(eu.privacysuite.contact.service.HoldsAndTokensSweeper.class).get().sweep();
        assertEquals(0, Api.count("select count(n) from NewsletterSubscription n where n.subjectKey = ?1", subjectKey));
    }

    @Test
    void unsubscribeLinkIsOneStepAndStartsTheNewsletterClock() {
        String email = Api.uniqueEmail("leaver");
        subscribe(email);
        Mail optIn = Api.awaitMail(mailbox, email);
        Api.confirm(Api.confirmToken(optIn)).then().statusCode(200);
        given().get("/api/newsletter/unsubscribe/" + Api.unsubscribeToken(optIn)).then().statusCode(200)
                .contentType(containsString("text/html"));
        assertTrue(!subscribers().contains(email));
        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        var clock = bus.await(Topics.RETENTION_LIFECYCLE, r -> Api.subjectKey(email).equals(r.key())
                && r.value().contains("NEWSLETTER") && r.value().contains("UNSUBSCRIBED"), Duration.ofSeconds(20));
        assertTrue(!clock.value().contains("leaver"));
        given().get("/api/newsletter/unsubscribe/unknown-token").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsubscribeTokenWithAControlCharacterIsRefusedLikeAnUnknownOne() {
        for (String token : List.of("abc%00def", "A".repeat(21) + "%00" + "A".repeat(21), "%01", "A".repeat(42) + "%7F")) {
            given().urlEncodingEnabled(false).get("/api/newsletter/unsubscribe/" + token)
                    .then().statusCode(404).contentType("application/problem+json");
            given().urlEncodingEnabled(false).post("/api/newsletter/unsubscribe/" + token)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void unsubscribeByAddressIsOneStep() {
        String email = Api.uniqueEmail("byaddress");
        subscribe(email);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        Api.site().body("{\"email\":\"" + email.toUpperCase() + "\"}").post("/api/newsletter/unsubscriptions")
                .then().statusCode(202);
        assertTrue(!subscribers().contains(email));
    }

    @Test
    void restrictedAndOpposedAreNeverOnTheListAndTheOpposedAreNeverEnrolledAgain() {
        String restricted = Api.uniqueEmail("restricted");
        String opposed = Api.uniqueEmail("opposed");
        for (String email : List.of(restricted, opposed)) {
            subscribe(email);
            Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        }
        assertTrue(subscribers().containsAll(List.of(restricted, opposed)));
        subjects.restrict(Api.subjectKey(restricted));
        subjects.suppress(Api.subjectKey(opposed));
        assertTrue(!subscribers().contains(restricted) && !subscribers().contains(opposed));
        subjects.liftRestriction(Api.subjectKey(restricted));
        assertTrue(subscribers().contains(restricted), "back once the restriction is lifted");

        int mailsBefore = mailbox.getMailsSentTo(opposed).size();
        subscribe(opposed);
        assertEquals(0, Api.count("select count(n) from NewsletterSubscription n where n.subjectKey = ?1 and n.status <> 'UNSUBSCRIBED'",
                Api.subjectKey(opposed)), "an objection is never undone by a form");
        assertEquals(0, Api.count("select count(m) from OutgoingMail m where m.subjectKey = ?1", Api.subjectKey(opposed)));
        assertEquals(mailsBefore, mailbox.getMailsSentTo(opposed).size(), "no confirmation mail either");
    }

    @Test
    void concurrentFirstSubscriptionsOfOneAddressMakeOneSubscription() throws Exception {
        String email = Api.uniqueEmail("racer");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> Api.site().body("{\"email\":\"" + email + "\"}").post("/api/newsletter/subscriptions").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Api.count("select count(n) from NewsletterSubscription n where n.subjectKey = ?1", Api.subjectKey(email)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\"email\":\"EMAIL\",\"language\":\"de\"", "\"email\":\"EMAIL\",\"age\":0",
            "\"email\":\"EMAIL\",\"parentEmail\":\"a b@example.org\"", "\"email\":\"\\\"EMAIL\\\"\"",
            "\"email\":\"EMAIL\",\"age\":9" })
    void badSubscriptionIsAProblemAndNothingIsStored(String fields) {
        String email = Api.uniqueEmail("bad");
        Api.site().body("{" + fields.replace("EMAIL", email) + "}").post("/api/newsletter/subscriptions")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(422)))
                .contentType("application/problem+json").body(not(containsString(email)));
        assertEquals(0, Api.count("select count(n) from NewsletterSubscription n where n.subjectKey = ?1",
                Api.subjectKey(email)));
    }

    @Test
    void subscriberListNeedsAControllerToken() {
        given().get("/api/newsletter/subscribers").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.signedByAnotherKey()).get("/api/newsletter/subscribers").then().statusCode(401);
        given().auth().oauth2(TestTokens.withGroups(java.util.Set.of("someone"))).get("/api/newsletter/subscribers")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.auditor()).get("/api/newsletter/subscribers").then().statusCode(200)
                .body("items.email", not(hasItem("nobody")));
    }
}
