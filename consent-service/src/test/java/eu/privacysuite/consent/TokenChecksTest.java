package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TokenChecksTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The controller's API of consent-service takes only a token from the suite's issuer, for this service, at most an hour
 * old and signed RS256 by the suite's key (docs/security.md); the public endpoints need none.
 */
@QuarkusTest
class TokenChecksTest extends TokenChecksTestBase {

    @Override
    protected String protectedRoute() {
        return "/api/consents/rates?site=demo";
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().get("/banner.js").then().statusCode(200);
        given().get("/api/catalogue?site=demo").then().statusCode(200);
        given().get("/api/policy?site=demo").then().statusCode(200);
        given().get("/api/sites/demo/banner?lang=fr").then().statusCode(200);
    }
}
