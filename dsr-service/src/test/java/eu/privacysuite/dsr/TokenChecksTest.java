package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.erasureBody;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.ForgedTokens;
import eu.privacysuite.testing.StoredText;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What a bearer token must be for the controller's API: signed RS256 by the suite's key, from the configured
 * issuer, for this service (aud), with an iat at most an hour old and a lifetime of at most an hour, and carrying
 * a role the endpoint allows. Every other token is refused with a problem, and nothing is recorded.
 */
@QuarkusTest
class TokenChecksTest {

    @Inject
    DataSource database;

    @Test
    void aGoodTokenIsAccepted() {
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests").then().statusCode(200);
    }

    @Test
    void aTokenForSeveralServicesIncludingThisOneIsAccepted() {
        // The local stack's tokens name every service of the suite as audience.
        String token = TestTokens.claims(Set.of("privacy-auditor"))
                .audience(Set.of("consent-service", TestTokens.audience(), "retention-service")).sign();
        given().auth().oauth2(token).get("/api/requests").then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        given().get("/api/requests").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").get("/api/requests").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void everyForgedTokenIsRefusedAndRecordsNothing() {
        long stored = StoredText.count(database, "dsr_request");
        List<String> accepted = new ArrayList<>();
        for (ForgedTokens.Forgery forgery : ForgedTokens.all("privacy-controller")) {
            Response read = given().auth().oauth2(forgery.token()).get("/api/requests");
            Response write = given().auth().oauth2(forgery.token()).contentType(ContentType.JSON)
                    .body(erasureBody(newEmail())).post("/api/requests");
            for (Response answer : List.of(read, write)) {
                if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                    accepted.add(forgery.flaw() + ": " + answer.statusCode() + " " + answer.contentType());
                }
            }
        }
        assertEquals(List.of(), accepted, "forged tokens not refused with a 401 problem");
        assertEquals(stored, StoredText.count(database, "dsr_request"), "a forged token recorded a request");
    }

    @Test
    void theWrongRoleIsForbidden() {
        given().auth().oauth2(TestTokens.withGroups(Set.of("privacy-reader"))).get("/api/requests").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(erasureBody(newEmail()))
                .post("/api/requests").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsDeniedToEveryone() {
        given().get("/api/test-only/unannotated").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.controller()).get("/api/test-only/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
