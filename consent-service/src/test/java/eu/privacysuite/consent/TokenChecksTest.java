package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.ForgedTokens;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The controller's API of consent-service takes only a token from the suite's issuer, for this service, at most an hour
 * old and signed RS256 by the suite's key (docs/security.md); the public endpoints need none.
 */
@QuarkusTest
class TokenChecksTest {

    private static final String PROTECTED = "/api/consents/rates?site=demo";

    @Test
    void aGoodTokenIsAcceptedAndTheWrongRoleForbidden() {
        given().auth().oauth2(TestTokens.auditor()).get(PROTECTED).then().statusCode(200);
        given().auth().oauth2(TestTokens.withGroups(Set.of("privacy-reader"))).get(PROTECTED).then()
                .statusCode(403).contentType("application/problem+json");
        given().get(PROTECTED).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void everyForgedTokenIsRefused() {
        List<String> accepted = new ArrayList<>();
        for (ForgedTokens.Forgery forgery : ForgedTokens.all("privacy-auditor")) {
            Response answer = given().auth().oauth2(forgery.token()).get(PROTECTED);
            if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                accepted.add(forgery.flaw() + ": " + answer.statusCode() + " " + answer.contentType());
            }
        }
        assertEquals(List.of(), accepted, "forged tokens not refused with a 401 problem");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().get("/banner.js").then().statusCode(200);
        given().get("/api/catalogue?site=demo").then().statusCode(200);
        given().get("/api/policy?site=demo").then().statusCode(200);
        given().get("/api/sites/demo/banner?lang=fr").then().statusCode(200);
    }
}
