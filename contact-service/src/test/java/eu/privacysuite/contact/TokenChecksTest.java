package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TokenChecksTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The controller's API of contact-service takes only a token from the suite's issuer, for this service, at most an hour
 * old and signed RS256 by the suite's key (docs/security.md); the public endpoints need none.
 */
@QuarkusTest
class TokenChecksTest extends TokenChecksTestBase {

    @Override
    protected String protectedRoute() {
        return "/api/newsletter/subscribers";
    }

    @Test
    void publicEndpointsNeedNoToken() {
        // The mail links answer for themselves, never asking for a token: the confirmation page shows its button,
        // an unknown unsubscribe link is a 404.
        // (a link of a token's shape: one of another shape is a 404, ContactRequestResourceTest).
        given().get("/api/confirmations/" + "A".repeat(43)).then().statusCode(200);
        given().get("/api/newsletter/unsubscribe/no-such-link").then().statusCode(404);
        given().contentType("application/json").body("{\"email\":\"nobody@example.org\"}")
                .post("/api/newsletter/unsubscriptions").then().statusCode(202);
    }
}
