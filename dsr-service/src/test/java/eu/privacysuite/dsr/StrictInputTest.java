package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.act;
import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static eu.privacysuite.dsr.DsrApi.view;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A JSON body is taken exactly as sent, or refused with a 400 naming the field: no key twice, no coerced number. */
@QuarkusTest
class StrictInputTest {

    @Test
    void anIdentityCodeSentTwiceInOneBodyIsA400NotA500() {
        UUID id = erasure(newEmail());
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"code\":\"123456\",\"code\":\"654321\"}").post("/api/requests/" + id + "/identity-code/check")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("body"));
        assertEquals("AWAITING_IDENTITY", view(id).getString("status"), "nothing was checked");
    }

    @Test
    void anExtensionOfOneAndAHalfMonthsOrOfTextIsRefusedAndTheDeadlineStays() {
        UUID id = verifiedErasure(newEmail());
        String due = view(id).getString("dueAt");
        for (String months : new String[] { "1.5", "1.0", "\"2\"", "true" }) {
            act(id, "extension", "{\"months\":" + months + ",\"reason\":\"complex\"}").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("months"));
        }
        assertEquals(due, view(id).getString("dueAt"), "the deadline is not extended");
        act(id, "extension", "{\"months\":1,\"reason\":\"complex\",\"months\":2}").then().statusCode(400);
        assertEquals(due, view(id).getString("dueAt"));
    }
}
