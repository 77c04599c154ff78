package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.contact.domain.ProspectRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "contact_test"))
class ContactRequestResourceTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ProspectRepository prospects;

    @Inject
    SubjectKeys subjectKeys;

    static String form(String email, String phone, UUID visitorId) {
        return """
                {"civility":"MS","firstName":"Jeanne","lastName":"Martin","email":"%s","phone":"%s",
                 "postalAddress":"1 rue de la Paix, 75002 Paris","country":"FR","message":"Please call me back",
                 "visitorId":%s}
                """.formatted(email, phone, visitorId == null ? "null" : "\"" + visitorId + "\"");
    }

    @Test
    void contactFormIsStoredUnderTheSubjectKeyAndAnnouncesClockAndLinkWithoutPersonalData() {
        UUID visitor = UUID.randomUUID();
        String email = "jeanne.martin+" + visitor + "@example.fr";
        String id = given().contentType(ContentType.JSON).body(form(email, "05 53 69 22 00", visitor))
                .when().post("/api/contact-requests")
                .then().statusCode(201).body("id", notNullValue()).body("receivedAt", notNullValue())
                .body(not(containsString("Jeanne")))
                .extract().path("id");

        String subjectKey = subjectKeys.forEmail(email);
        var prospect = QuarkusTransaction.requiringNew().call(() -> prospects.findBySubjectKey(subjectKey).orElseThrow());
        assertEquals("+33553692200", prospect.phone);
        assertEquals(email, prospect.email);

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        var clock = bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id), Duration.ofSeconds(20));
        assertEquals(subjectKey, clock.key());
        assertFalse(clock.value().contains("Jeanne") || clock.value().contains("jeanne"), "no personal data on the bus");
        var link = bus.await(Topics.SUBJECT_LINKS, r -> r.value().contains(visitor.toString()), Duration.ofSeconds(20));
        assertFalse(link.value().contains("example.fr"));
    }

    @Test
    void sameEmailWithOtherCaseIsTheSameProspect() {
        String email = "paul." + UUID.randomUUID() + "@example.fr";
        given().contentType(ContentType.JSON).body(form(email, "0553692200", null)).post("/api/contact-requests")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(form("  " + email.toUpperCase() + " ", "0553692200", null))
                .post("/api/contact-requests").then().statusCode(201);
        long count = QuarkusTransaction.requiringNew().call(
                () -> prospects.count("subjectKey", subjectKeys.forEmail(email)));
        assertEquals(1, count);
    }

    @Test
    void invalidFieldsGiveAProblemThatNamesThemWithoutEchoingValues() {
        given().contentType(ContentType.JSON)
                .body(form("not-an-email-secret-value", "12", null))
                .when().post("/api/contact-requests")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("phone"))
                .body(not(containsString("secret-value")));
    }

    @Test
    void unreadableJsonGivesAProblem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"jane@example.org\", ")
                .when().post("/api/contact-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("jane@example.org")));
        given().contentType(ContentType.JSON).body("{\"civility\": \"KING\"}")
                .when().post("/api/contact-requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("civility"));
    }

    @Test
    void unknownPathGivesAProblem() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessChecksDatabaseBrokerAndOutbox() {
        given().when().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
