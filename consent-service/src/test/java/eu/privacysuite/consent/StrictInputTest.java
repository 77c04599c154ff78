package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.as;
import static eu.privacysuite.consent.ConsentApi.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The door's refusals in consent-service: a foreign origin, a date that is not exactly a date. */
@QuarkusTest
class StrictInputTest {

    @Test
    void aRefusedOriginOrTheNullOriginGetsA403ProblemThatDoesNotRepeatIt() {
        for (String origin : new String[] { "https://evil.example", "null", "https://shop.example.evil.example" }) {
            post(ConsentApi.DEMO, null, ConsentApi.CURRENT, "ACCEPT_ALL", "{}", Map.of("Origin", origin)).then()
                    .statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                    .body(not(containsString("evil"))).header("Access-Control-Allow-Origin", nullValue());
        }
        // Preflight from a refused origin too.
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/consents").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aConfiguredOriginAndTheServicesOwnStillGetTheirAnswer() {
        post(ConsentApi.DEMO, null, ConsentApi.CURRENT, "ACCEPT_ALL", "{}", Map.of("Origin", "http://localhost:8080"))
                .then().statusCode(201).header("Access-Control-Allow-Origin", "http://localhost:8080");
        post(ConsentApi.DEMO, null, ConsentApi.CURRENT, "ACCEPT_ALL", "{}",
                Map.of("Origin", "http://localhost:" + RestAssured.port)).then().statusCode(201);
    }

    @Test
    void aShownDateWithATrailingNulOrSurroundingSpaceIsRefusedNamingIt() {
        for (String date : new String[] { "2026-01-01\\u0000", " 2026-01-01", "2026-01-01\\t" }) {
            String version = "2030-" + UUID.randomUUID().toString().substring(0, 8);
            as(TestTokens.controller()).contentType(ContentType.JSON)
                    .body("{\"site\":\"shop\",\"version\":\"%s\",\"text\":\"t\",\"shownDate\":\"%s\",\"changedPurposes\":[]}"
                            .formatted(version, date))
                    .post("/api/policy-versions").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("shownDate"));
            given().get("/api/policy?site=shop").then().body("version", not(equalTo(version)));
        }
    }
}
