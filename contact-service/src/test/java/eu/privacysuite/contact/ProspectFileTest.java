package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.contact.service.SubjectLists;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
class ProspectFileTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    SubjectLists subjects;

    private final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());

    /** A confirmed prospect whose last name is unique to the test; returns its id. */
    private String prospect(String email, String lastName) {
        Api.send(Api.form(email, "Paul", null, null).replace("\"Martin\"", "\"" + lastName + "\"")).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        return Api.controller().get("/api/prospects?q=" + lastName).then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
    }

    @Test
    void controllerSearchesWithPagingAndRecordingAContactMovesTheClock() {
        String tag = "Zed" + UUID.randomUUID().toString().substring(0, 6);
        String first = Api.uniqueEmail("p1");
        String id = prospect(first, tag + "a");
        prospect(Api.uniqueEmail("p2"), tag + "b");
        Api.controller().get("/api/prospects?q=" + tag.toLowerCase() + "&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("items[0].lastName", equalTo(tag + "b"));

        String before = Api.controller().get("/api/prospects?q=" + tag + "a").then().extract().path("items[0].lastContactAt");
        String after = Api.controller().post("/api/prospects/" + id + "/contacts").then().statusCode(200)
                .extract().path("lastContactAt");
        assertTrue(Instant.parse(after).isAfter(Instant.parse(before)));
        bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id) && r.value().contains("LAST_CONTACT"),
                Duration.ofSeconds(20));
        Api.controller().post("/api/prospects/" + UUID.randomUUID() + "/contacts").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptySearchListsTheFileButAnEmptyPageSizeIsRefusedNamingIt() {
        Api.controller().get("/api/prospects?q=").then().statusCode(200);
        Api.controller().get("/api/prospects?size=").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void controllerReachingTheAuthorOfARequestConfirmsItEnrolsItAndLinksTheVisitor() {
        String email = Api.uniqueEmail("phoned");
        UUID visitor = UUID.randomUUID();
        String id = Api.send(Api.form(email, "Phoned", null, visitor)).then().statusCode(201).extract().path("id");
        Api.controller().get("/api/contact-requests?size=500").then().statusCode(200).body("items.id", hasItem(id));
        String prospectId = Api.controller().post("/api/contact-requests/" + id + "/contacts").then().statusCode(200)
                .body("addressConfirmed", equalTo(true)).extract().path("prospectId");
        assertNotNull(prospectId);
        bus.await(Topics.SUBJECT_LINKS, r -> r.value().contains(visitor.toString()), Duration.ofSeconds(20));
    }

    @Test
    void exportIsCsvWithoutRestrictedOrOpposedAndDefusesFormulas() {
        String tag = "Csv" + UUID.randomUUID().toString().substring(0, 6);
        prospect(Api.uniqueEmail("kept"), tag + "kept");
        String restricted = Api.uniqueEmail("restricted");
        prospect(restricted, tag + "restricted");
        String opposed = Api.uniqueEmail("opposed");
        prospect(opposed, tag + "opposed");
        String formula = Api.uniqueEmail("formula");
        Api.send(Api.form(formula, "=HYPERLINK(\\\"x\\\")", null, null)).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, formula))).then().statusCode(200);

        subjects.restrict(Api.subjectKey(restricted));
        subjects.suppress(Api.subjectKey(opposed));
        String csv = Api.controller().get("/api/prospects/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,civility,firstName,lastName,email"), csv.lines().findFirst().orElse(""));
        assertTrue(csv.contains(tag + "kept"));
        assertTrue(!csv.contains(tag + "restricted") && !csv.contains(tag + "opposed"));
        assertTrue(csv.contains("'=HYPERLINK"), "a formula stays text");
        Api.controller().get("/api/prospects?q=" + tag + "restricted").then().body("total", equalTo(0));
        Api.controller().get("/api/contact-requests?size=500").then()
                .body("items.email", not(hasItem(restricted)));
        given().auth().oauth2(TestTokens.auditor()).get("/api/prospects/export").then().statusCode(403);
        given().get("/api/prospects").then().statusCode(401);
    }

    @Test
    void opposedPersonIsNeverEnrolledAgainByAnyForm() {
        String email = Api.uniqueEmail("objector");
        String subjectKey = Api.subjectKey(email);
        subjects.suppress(subjectKey);
        Api.send(Api.form(email, "Objector", null, null)).then().statusCode(201);
        Api.confirm(Api.confirmToken(Api.awaitMail(mailbox, email))).then().statusCode(200);
        assertEquals(0, Api.count("select count(p) from Prospect p where p.subjectKey = ?1", subjectKey));
        assertTrue(subjects.isSuppressed(subjectKey));
    }
}
