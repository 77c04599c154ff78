package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static eu.privacysuite.dsr.DsrApi.verifiedErasure;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.testing.MovingClockTestBase;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Identity by a mailed code: single use, expiring, a limited number of tries; the address kept only until then. */
@QuarkusTest
class DsrIdentityCodeTest extends MovingClockTestBase {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    MockMailbox mailbox;
    @Inject
    DsrRequestRepository requests;

    static Response mailCode(UUID id) {
        return given().auth().oauth2(TestTokens.controller()).post("/api/requests/" + id + "/identity-code");
    }

    static Response check(UUID id, String code) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\"}").post("/api/requests/" + id + "/identity-code/check");
    }

    /** The code in the last mail to this address; the mail outbox sends it within a second of the request. */
    private String mailedCode(String email) {
        DsrApi.awaitTrue("a mail to the subject", Duration.ofSeconds(15),
                () -> !mailbox.getMailsSentTo(email).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Matcher code = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(code.find());
        return code.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theRightCodeVerifiesIdentityOnceAndTheAddressGoes() {
        String email = newEmail();
        UUID id = erasure(email);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> requests.findById(id).sealedEmail) != null);
        mailCode(id).then().statusCode(200).body("expiresAt", notNullValue());
        String code = mailedCode(email);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> requests.findById(id).identityCodeHash).contains(code));

        check(id, wrong(code)).then().statusCode(422).contentType("application/problem+json");
        check(id, code).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("identityMethod", equalTo("CODE"));
        var row = QuarkusTransaction.requiringNew().call(() -> requests.findById(id));
        assertNull(row.sealedEmail, "the address is kept only until identity is decided");
        assertNull(row.identityCodeHash);
        check(id, code).then().statusCode(409).contentType("application/problem+json");
        mailCode(id).then().statusCode(409);
    }

    @Test
    void aCodeExpires() {
        String email = newEmail();
        UUID id = erasure(email);
        mailCode(id).then().statusCode(200);
        String code = mailedCode(email);
        clock.advance(Duration.ofMinutes(31));
        check(id, code).then().statusCode(409).contentType("application/problem+json");
        assertEquals("AWAITING_IDENTITY", DsrApi.view(id).getString("status"));

        mailbox.clear();
        mailCode(id).then().statusCode(200);
        check(id, mailedCode(email)).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void fiveWrongTriesVoidTheCode() {
        String email = newEmail();
        UUID id = erasure(email);
        mailCode(id).then().statusCode(200);
        String code = mailedCode(email);
        for (int i = 0; i < 5; i++) {
            check(id, wrong(code)).then().statusCode(422);
        }
        check(id, code).then().statusCode(409).contentType("application/problem+json");
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> requests.findById(id).identityCodeAttempts));
    }

    @Test
    void badCodesOtherRolesAndClosedRequestsAreRefused() {
        UUID id = erasure(newEmail());
        check(id, "123456").then().statusCode(409); // none mailed yet
        check(id, "12ab").then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("code"));
        given().auth().oauth2(TestTokens.auditor()).post("/api/requests/" + id + "/identity-code").then().statusCode(403);
        mailCode(verifiedErasure(newEmail())).then().statusCode(409);
        UUID cancelled = erasure(newEmail());
        DsrApi.act(cancelled, "cancel", null).then().statusCode(200);
        assertNull(QuarkusTransaction.requiringNew().call(() -> requests.findById(cancelled).sealedEmail));
    }
}
