package eu.privacysuite.consent;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import eu.privacysuite.testing.ApiDocumentCheck;
import eu.privacysuite.testing.BadInput;
import eu.privacysuite.testing.BadInputCorpus;
import eu.privacysuite.testing.StoredText;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputAtTheDoorTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    @Inject
    DataSource database;

    @Test
    void everyBadInputGetsAProblemThatEchoesNothingAndNothingIsStored() {
        long proofs = StoredText.count(database, "consent_proof");
        int sent = new BadInputCorpus(base, maxBody.asLongValue()).sendAll(List.of(
                BadInput.post("/api/consents", """
                        {"site":"demo","policyVersion":"2018-05-25","action":"CUSTOM","decisions":{"google-analytics":true},"language":"fr"}
                        """).maps("decisions"),
                BadInput.get("/api/consents/current").query("site", "demo"),
                BadInput.get("/api/policy-versions/current"),
                BadInput.get("/api/catalogue")));
        assertEquals(proofs, StoredText.count(database, "consent_proof"), "a bad input stored a consent proof");
        assertEquals(List.of(), StoredText.rowsHolding(database, BadInputCorpus.MARK));
        System.out.println(sent + " bad inputs refused");
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

    @Test
    void apiDocumentNamesEveryOperationItsTokenAndItsProblems() throws Exception {
        assertEquals(List.of(), ApiDocumentCheck.faultsOfServedDocument(management, "consent-service"));
    }
}
