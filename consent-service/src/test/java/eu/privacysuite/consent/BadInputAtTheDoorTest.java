package eu.privacysuite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputAtTheDoorTestBase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputAtTheDoorTest extends BadInputAtTheDoorTestBase {

    @Override
    protected List<BadInput> routes() {
        return List.of(
                BadInput.post("/api/consents", """
                        {"site":"demo","policyVersion":"2018-05-25","action":"CUSTOM","decisions":{"google-analytics":true},"language":"fr"}
                        """).maps("decisions"),
                BadInput.get("/api/consents/current").query("site", "demo"),
                BadInput.get("/api/policy-versions/current"),
                BadInput.get("/api/catalogue"));
    }

    @Override
    protected List<String> guardedTables() {
        return List.of("consent_proof");
    }

    @Test
    void aValidBodySentInChunksIsStillAccepted() throws Exception {
        String body = "{\"site\":\"demo\",\"policyVersion\":\"2018-05-25\",\"action\":\"REFUSE_ALL\",\"decisions\":{}}";
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("/api/consents")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
    }

    /** The door reads a declared body before the resource over HTTP/1.1, and leaves an HTTP/2 body to Quarkus REST. */
    @Test
    void aValidBodyIsAcceptedOverHttp1AndOverHttp2() throws Exception {
        String body = "{\"site\":\"demo\",\"policyVersion\":\"2018-05-25\",\"action\":\"ACCEPT_ALL\",\"decisions\":{}}";
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            HttpResponse<String> answer = HttpClient.newBuilder().version(version).build().send(
                    HttpRequest.newBuilder(base.resolve("/api/consents")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), version + ": " + answer.body());
            assertEquals(version, answer.version(), "the client asked for " + version + " and the server took it");
        }
    }
}
