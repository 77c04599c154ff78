package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A parameter is taken exactly as sent, or refused: no "yes" read as false, no instant trimmed into shape. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class StrictInputTest {

    @Test
    void aDryRunThatIsNotTrueOrFalseIsRefusedAndNoSweepRuns() {
        for (String bad : new String[] { "yes", "1", "TRUE", "" }) {
            given().auth().oauth2(TestTokens.controller()).queryParam("dryRun", bad).post("/api/retention/sweeps")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("dryRun")).body(not(containsString("\"" + bad + "\"")));
        }
        given().auth().oauth2(TestTokens.controller()).queryParam("dryRun", "true").post("/api/retention/sweeps")
                .then().statusCode(200);
    }

    @Test
    void anActiveFilterThatIsNotTrueOrFalseIsRefused() {
        given().auth().oauth2(TestTokens.auditor()).queryParam("active", "maybe").get("/api/retention/holds")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("active"))
                .body(not(containsString("maybe")));
        given().auth().oauth2(TestTokens.auditor()).queryParam("active", "true").get("/api/retention/holds")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.auditor()).get("/api/retention/holds").then().statusCode(200);
    }

    @Test
    void aParameterSentEmptyIsRefusedNamingItInsteadOfTakingItsDefault() {
        String[][] cases = { { "/api/retention/orders", "size" }, { "/api/retention/evidence", "page" },
                { "/api/retention/holds", "active" }, { "/api/retention/due", "before" } };
        for (String[] c : cases) {
            given().auth().oauth2(TestTokens.auditor()).queryParam(c[1], "").get(c[0])
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains(c[1]));
        }
        given().auth().oauth2(TestTokens.auditor()).get("/api/retention/orders").then().statusCode(200);
    }

    @Test
    void anInstantWithSurroundingSpaceOrOnlySpaceIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.auditor()).queryParam("from", " 2026-01-31T00:00:00Z")
                .get("/api/retention/evidence").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("to", "2026-01-31T00:00:00Z ")
                .get("/api/retention/evidence").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("before", "   ")
                .get("/api/retention/due").then().statusCode(400).body("errors.field", contains("before"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("from", "2026-01-31T00:00:00Z")
                .get("/api/retention/evidence").then().statusCode(200).body("items", not(equalTo(null)));
    }
}
