package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TokenChecksTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The controller's API of retention-service takes only a token from the suite's issuer, for this service, at most an hour
 * old and signed RS256 by the suite's key (docs/security.md); the public endpoints need none.
 */
@QuarkusTest
class TokenChecksTest extends TokenChecksTestBase {

    @Override
    protected String protectedRoute() {
        return "/api/retention/orders";
    }

    @Test
    void publicEndpointsNeedNoToken() {
        given().get("/api/retention/schedule").then().statusCode(200);
        given().get("/api/retention/ledger/summary").then().statusCode(200);
        given().get("/api/retention/policies").then().statusCode(200);
    }
}
