package eu.privacysuite.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.restassured.response.Response;

/**
 * The token checks every service's tests make on one of its protected endpoints (docs/security.md): a good
 * token of the right role is served, the wrong role is forbidden, no token or a forged one is refused with a 401
 * problem.
 */
public final class TokenChecks {

    private TokenChecks() {
    }

    /** The auditor reads the endpoint; another role gets 403 and no token 401, both in problem+json. */
    public static void goodTokenServedWrongRoleForbidden(String protectedPath) {
        given().auth().oauth2(TestTokens.auditor()).get(protectedPath).then().statusCode(200);
        given().auth().oauth2(TestTokens.withGroups(Set.of("privacy-reader"))).get(protectedPath).then()
                .statusCode(403).contentType("application/problem+json");
        given().get(protectedPath).then().statusCode(401).contentType("application/problem+json");
    }

    /** Every forgery of {@link ForgedTokens}, carrying the auditor's role, gets a 401 problem. */
    public static void everyForgeryRefused(String protectedPath) {
        List<String> accepted = new ArrayList<>();
        for (ForgedTokens.Forgery forgery : ForgedTokens.all("privacy-auditor")) {
            Response answer = given().auth().oauth2(forgery.token()).get(protectedPath);
            if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                accepted.add(forgery.flaw() + ": " + answer.statusCode() + " " + answer.contentType());
            }
        }
        assertEquals(List.of(), accepted, "forged tokens not refused with a 401 problem");
    }
}
