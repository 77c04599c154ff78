package eu.privacysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.ControllerTokens;
import eu.privacysuite.localstack.SuiteService;

/**
 * The realm's signing key is rotated while dsr-service runs: a token signed by the new key is accepted without a
 * restart (the service fetches the published keys again for a key id it does not know), a token signed by a key
 * removed from the realm is refused, and so is one signed by a key the realm never had. It runs beside the classes
 * that take a new token for each call (a rotation only changes which key signs their next ones, and their services
 * fetch the new key on its unknown key id, as this class shows), but never beside one that holds a token for its
 * whole run: removing the key that signed it ends that session, as it would for a real user. The console's browser
 * session is such a holder ({@link SuiteKeycloak#SIGNING_KEYS}). This class holds one itself: an auditor signed in to
 * the console before the rotation is signed in again, without a password, at the first page after the removal.
 */
@ResourceLock(value = SuiteKeycloak.SIGNING_KEYS, mode = ResourceAccessMode.READ_WRITE)
class KeyRotationIT extends AcrossTheSuite {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WebDriver browser;

    KeyRotationIT() {
        // On the shared stack, whose services fetch the JWKS again every minute: how long a removed key still verifies.
        super();
    }

    @Test
    void aRotatedKeyIsFollowedAndARemovedKeyIsRefused() throws Exception {
        RealmKeys keys = new RealmKeys(stack.keycloak());
        String before = stack.tokens().token(ControllerTokens.AUDITOR);
        assertEquals(200, statusWith(before), "a token of the realm's current key");
        String oldProvider = keys.providerOf(kid(before));
        String console = stack.startConsole(true).baseUrl();
        browser = ConsoleBrowser.open();
        ConsoleBrowser.signIn(browser, console, stack.keycloak(), "auditor", stack.keycloak().secrets().auditorPassword());
        String session = browser.manage().getCookieNamed("q_session").getValue();

        keys.addSigningKeyAboveTheOthers("rotated-" + System.currentTimeMillis());
        String after = stack.tokens().token(ControllerTokens.AUDITOR);
        assertNotEquals(kid(before), kid(after), "the new key signs the next tokens");
        assertEquals(200, statusWith(after), "a token of the new key, without restarting the service");
        assertEquals(200, statusWith(before), "the old key is still published until it is removed");

        keys.removeProvider(oldProvider);
        Eventually.until("a token of the removed key refused", Duration.ofMinutes(2), () -> statusWith(before), s -> s == 401);
        assertEquals(200, statusWith(after), "the new key's tokens still pass");
        assertEquals(401, statusWith(signedByAnotherKey(after)), "the same claims and key id, signed by a key not the realm's");

        // dsr-service now refuses the console's token too: the console signs the auditor in again and shows the inbox.
        browser.get(console + "/requests");
        ConsoleBrowser.waitFor(browser, ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertEquals(console + "/requests", browser.getCurrentUrl());
        assertNotEquals(session, browser.manage().getCookieNamed("q_session").getValue(), "a new session");
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private int statusWith(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(SuiteService.DSR) + "/api/requests"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("dsr-service does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String kid(String token) throws IOException {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(header).get("kid").asText();
    }

    private static String signedByAnotherKey(String token) throws IOException, JoseException, NoSuchAlgorithmException {
        String[] parts = token.split("\\.");
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        forged.setKeyIdHeaderValue(kid(token));
        forged.setKey(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
        return forged.getCompactSerialization();
    }
}
