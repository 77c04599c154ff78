package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.awaitTrue;
import static eu.privacysuite.dsr.DsrApi.decideIdentity;
import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.IdentityDocumentRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The identity document: multipart, known by its bytes, at most 5 MB, sealed, gone when the request closes. */
@QuarkusTest
class DsrIdentityDocumentTest {

    @TestHTTPResource("/")
    URL app;

    @Inject
    IdentityDocumentRepository documents;

    static byte[] file(String magic, int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    /**
     * Sends the document as a browser or curl -F does: one multipart part named "document", with a declared length.
     * (REST Assured streams multipart bodies chunked, which the service answers 411.)
     */
    static Response upload(UUID id, byte[] content, String declaredType) {
        return uploadPart(id, "document", content, declaredType, TestTokens.controller());
    }

    static Response uploadPart(UUID id, String part, byte[] content, String declaredType, String token) {
        String boundary = "----dsr" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"identity-card\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return given().auth().oauth2(token).contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray()).put("/api/requests/" + id + "/identity-document");
    }

    @Test
    void aPdfLargerThanTheJsonLimitIsStoredSealedAndGoesWhenTheRequestCloses() {
        UUID id = erasure(newEmail());
        byte[] pdf = file("%PDF-1.7\nJeanne Martin, carte nationale d'identite", 200_000);
        upload(id, pdf, "application/pdf").then().statusCode(200)
                .body("contentType", equalTo("application/pdf")).body("bytes", equalTo(200_000));

        var stored = QuarkusTransaction.requiringNew().call(() -> documents.findById(id));
        assertFalse(stored.sealed.contains("Jeanne") || stored.sealed.contains(Base64.getEncoder().encodeToString(pdf).substring(0, 40)),
                "stored sealed");
        byte[] back = given().auth().oauth2(TestTokens.controller()).get("/api/requests/" + id + "/identity-document")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(pdf, back);
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + id + "/identity-document").then().statusCode(403);
        assertTrue(DsrApi.auditOf(id).stream().anyMatch(e -> e.contains("test-operator") && e.contains("identity document received")));

        decideIdentity(id, false).then().statusCode(200).body("status", equalTo("REJECTED"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> documents.findById(id)), "deleted at closing");
        awaitTrue("the IDENTITY_DOCUMENT clock starts at closing", Duration.ofSeconds(30),
                () -> DsrApi.bus().readAll(Topics.RETENTION_LIFECYCLE).stream().anyMatch(r -> id.toString().equals(r.key())
                        && r.value().contains("IDENTITY_DOCUMENT") && r.value().contains("REQUEST_CLOSED")));
    }

    @Test
    void theTypeIsReadFromTheBytesAndANewUploadReplacesTheOld() {
        UUID id = erasure(newEmail());
        upload(id, file("\u0089PNG\r\n\u001a\n", 1000), "image/png").then().statusCode(200)
                .body("contentType", equalTo("image/png"));
        upload(id, file("\u00ff\u00d8\u00ff\u00e0", 1000), "application/octet-stream").then().statusCode(200)
                .body("contentType", equalTo("image/jpeg"));
        assertEquals("image/jpeg", QuarkusTransaction.requiringNew().call(() -> documents.findById(id).contentType));
        upload(id, file("MZ this is a program", 1000), "application/pdf").then().statusCode(415)
                .contentType("application/problem+json");
        upload(id, new byte[0], "application/pdf").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void sizeMissingPartAndStatusAreChecked() {
        UUID id = erasure(newEmail());
        upload(id, file("%PDF-1.7", 5 * 1024 * 1024 + 1), "application/pdf").then().statusCode(413)
                .contentType("application/problem+json");
        upload(id, file("%PDF-1.7", 7 * 1024 * 1024), "application/pdf").then().statusCode(413)
                .contentType("application/problem+json");
        uploadPart(id, "other", file("%PDF-1.7", 100), "application/pdf", TestTokens.controller())
                .then().statusCode(400).contentType("application/problem+json");
        upload(UUID.randomUUID(), file("%PDF-1.7", 100), "application/pdf").then().statusCode(404);
        given().auth().oauth2(TestTokens.controller()).multiPart("document", "id", file("%PDF-1.7", 100), "application/pdf")
                .put("/api/requests/" + id + "/identity-document").then().statusCode(411)
                .contentType("application/problem+json");
        uploadPart(id, "document", file("%PDF-1.7", 100), "application/pdf", TestTokens.auditor()).then().statusCode(403);

        decideIdentity(id, true).then().statusCode(200);
        upload(id, file("%PDF-1.7", 100), "application/pdf").then().statusCode(409).contentType("application/problem+json");
    }

    static Response rawUpload(UUID id, String contentType, byte[] body) {
        return given().auth().oauth2(TestTokens.controller()).contentType(contentType).body(body)
                .put("/api/requests/" + id + "/identity-document");
    }

    /** Issue 14, defect 3: a body the multipart parser cannot read was a 500. */
    @Test
    void aMalformedMultipartBodyIsRefusedAndNothingIsStored() {
        UUID id = erasure(newEmail());
        byte[] part = ("--abc\r\nContent-Disposition: form-data; name=\"document\"; filename=\"id\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 xxxx").getBytes(StandardCharsets.US_ASCII);
        byte[] closed = (new String(part, StandardCharsets.US_ASCII) + "\r\n--abc--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        // A boundary other than the one declared, no closing boundary, no body at all.
        for (Response answer : new Response[] { rawUpload(id, "multipart/form-data; boundary=xyz", closed),
                rawUpload(id, "multipart/form-data; boundary=abc", part),
                rawUpload(id, "multipart/form-data; boundary=abc", new byte[0]),
                rawUpload(id, "multipart/form-data", closed) }) {
            answer.then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("multipart"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("PDF")));
        }
        assertNull(QuarkusTransaction.requiringNew().call(() -> documents.findById(id)));
    }

    @Test
    void everyOtherRouteKeepsTheSixteenKilobyteLimitDeclaredOrChunked() throws Exception {
        String padded = DsrApi.erasureBody(newEmail()).replace("}}", "}" + " ".repeat(20_000) + "}");
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(padded).post("/api/requests")
                .then().statusCode(413).contentType("application/problem+json");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(app.toString() + "api/requests"))
                .header("Authorization", "Bearer " + TestTokens.controller()).header("Content-Type", "application/json")
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        padded.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpRequest small = HttpRequest.newBuilder(URI.create(app.toString() + "api/requests"))
                .header("Authorization", "Bearer " + TestTokens.controller()).header("Content-Type", "application/json")
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        DsrApi.erasureBody(newEmail()).getBytes(StandardCharsets.UTF_8)))).build();
        assertEquals(201, HttpClient.newHttpClient().send(small, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a small chunked body passes");
    }

}
