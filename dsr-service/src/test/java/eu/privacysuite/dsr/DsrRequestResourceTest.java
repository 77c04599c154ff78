package eu.privacysuite.dsr;

import static eu.privacysuite.dsr.DsrApi.erasure;
import static eu.privacysuite.dsr.DsrApi.erasureBody;
import static eu.privacysuite.dsr.DsrApi.newEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.privacysuite.dsr.domain.DsrRequestRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.subject.SubjectKeys;
import eu.privacysuite.testing.SuitePlatformResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "dsr_test"))
@QuarkusTestResource(TestTokens.class)
class DsrRequestResourceTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URI base;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    DsrRequestRepository requests;

    @Test
    void requestWithoutTokenIsRefusedWithAProblem() {
        given().contentType(ContentType.JSON).body(erasureBody(newEmail())).post("/api/requests")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().get("/api/requests").then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * The JDK's client, as the e2e tests and many integrations use it: it asks to upgrade the connection to HTTP/2
     * (h2c), and the request it reads afterwards travels over HTTP/2 without a body. Seen once as a 500, when the
     * body limit tried to read that GET's body before Quarkus REST did.
     */
    @Test
    void aClientThatUpgradesToHttp2RecordsAndReadsARequest() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(base.resolve("/api/requests"))
                .header("Authorization", "Bearer " + TestTokens.controller()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(erasureBody(newEmail()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = DsrApi.MAPPER.readTree(created.body()).get("id").asText();
        for (int read = 0; read < 3; read++) {
            HttpResponse<String> seen = client.send(HttpRequest.newBuilder(base.resolve("/api/requests/" + id))
                    .header("Authorization", "Bearer " + TestTokens.auditor()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, seen.statusCode(), seen.body());
            assertEquals(HttpClient.Version.HTTP_2, seen.version(), "read over the upgraded connection");
        }
        // A POST without a body over the same connection (the JDK sends no Content-Length for it).
        HttpResponse<String> cancelled = client.send(HttpRequest.newBuilder(base.resolve("/api/requests/" + id + "/cancel"))
                .header("Authorization", "Bearer " + TestTokens.controller()).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        given().auth().oauth2(TestTokens.signedByAnotherKey()).contentType(ContentType.JSON)
                .body(erasureBody(newEmail())).post("/api/requests")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void auditorMayReadButNotRecordARequest() {
        given().auth().oauth2(TestTokens.auditor()).contentType(ContentType.JSON).body(erasureBody(newEmail()))
                .post("/api/requests")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests").then().statusCode(200);
        given().auth().oauth2(TestTokens.withGroups(Set.of("someone-else"))).get("/api/requests")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void erasureRequestAwaitsIdentityDueIn30DaysWithNothingSent() {
        ExtractableResponse<Response> created = given().auth().oauth2(TestTokens.controller())
                .contentType(ContentType.JSON).body(erasureBody(newEmail())).post("/api/requests")
                .then().statusCode(201)
                .header("Location", containsString("/api/requests/"))
                .body("type", equalTo("ERASURE")).body("status", equalTo("AWAITING_IDENTITY"))
                .body("overdue", equalTo(false))
                .body("participants.size()", equalTo(0))
                .body(not(containsString("example.fr"))).body(not(containsString("Jeanne")))
                .extract();
        Instant receivedAt = Instant.parse(created.path("receivedAt"));
        Instant dueAt = Instant.parse(created.path("dueAt"));
        assertEquals(Duration.ofDays(30), Duration.between(receivedAt, dueAt), "policy art. 9: an answer within 30 days");
        assertEquals(receivedAt, Instant.parse(created.path("clockPausedSince")), "the clock waits for identity");

        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/requests/" + id));
        given().auth().oauth2(TestTokens.controller()).get("/api/requests/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("receivedAt", equalTo(created.path("receivedAt")))
                .body("dueAt", equalTo(created.path("dueAt"))).body("participants.size()", equalTo(0));
        assertTrue(DsrApi.bus().readAll(Topics.DSR_COMMANDS).stream().noneMatch(r -> r.value().contains(id)),
                "nothing is sent before identity is verified");

        DsrApi.decideIdentity(UUID.fromString(id), true).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("identityMethod", equalTo("DOCUMENT"))
                .body("participants.service", equalTo(List.of("consent-service", "contact-service", "retention-service")))
                .body("participants.status", everyItem(equalTo("PENDING")));
    }

    @Test
    void commandGoesToTheParticipantsKeyedBySubjectKeyWithoutPersonalData() throws Exception {
        String email = newEmail();
        UUID visitor = UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body("""
                        {"type":"ERASURE","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"},
                         "visitorIds":["%s"]}
                        """.formatted(email, visitor))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        DsrApi.decideIdentity(UUID.fromString(id), true).then().statusCode(200);

        var record = DsrApi.bus().await(Topics.DSR_COMMANDS, r -> r.value().contains(id), Duration.ofSeconds(20));
        String subjectKey = subjectKeys.forEmail(email);
        assertEquals(subjectKey, record.key());
        assertFalse(record.value().contains("example.fr") || record.value().contains("jeanne")
                || record.value().contains("Jeanne") || record.value().contains("Martin"), "no personal data on the bus");
        JsonNode envelope = DsrApi.MAPPER.readTree(record.value());
        assertEquals("DsrCommand", envelope.get("type").asText());
        assertEquals(id, envelope.get("correlationId").asText());
        assertEquals(subjectKey, envelope.get("subjectKey").asText());
        assertEquals("ERASURE", envelope.get("data").get("action").asText());
        assertEquals(visitor.toString(), envelope.get("data").get("visitorIds").get(0).asText());

        var stored = QuarkusTransaction.requiringNew().call(() -> requests.findById(UUID.fromString(id)));
        assertEquals(subjectKey, stored.subjectKey);
        assertEquals(List.of(visitor), stored.visitorIds);
        assertFalse(stored.commandEvent.contains("example.fr"), "the request keeps the subject key, not the email");
    }

    @Test
    void emailWithOtherCaseAndSpacesIsTheSameSubjectSoItsRequestIsADuplicate() {
        String email = newEmail();
        UUID first = erasure(email);
        DsrApi.post(erasureBody("  " + email.toUpperCase() + " ")).then().statusCode(200)
                .body("id", equalTo(first.toString())).body("duplicateOf", equalTo(first.toString()));
        String firstKey = QuarkusTransaction.requiringNew().call(() -> requests.findById(first).subjectKey);
        assertEquals(subjectKeys.forEmail(email), firstKey);
    }

    @Test
    void invalidFieldsGiveAProblemThatNamesThemWithoutEchoingValues() {
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body("""
                        {"subject":{"email":"not-an-email-secret-value","firstName":"   ","lastName":"%s"}}
                        """.formatted("Secretname".repeat(11)))
                .post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("type", "subject.email", "subject.firstName", "subject.lastName"))
                .body(not(containsString("secret-value"))).body(not(containsString("Secretname")));
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body("{\"type\":\"ERASURE\"}")
                .post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("subject"));
        given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body(erasureBody(newEmail()).replace("ERASURE", "FORGET_ME")).post("/api/requests")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("type"));
    }

    @Test
    void unknownRequestIsNotFoundAndMalformedIdIsABadRequest() {
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body(not(containsString("not-a-uuid")));
    }

    @Test
    void listShowsNewestFirstAndFiltersByStatus() {
        UUID older = erasure(newEmail());
        UUID newer = erasure(newEmail());
        List<String> ids = given().auth().oauth2(TestTokens.auditor()).queryParam("status", "AWAITING_IDENTITY")
                .queryParam("limit", 200).get("/api/requests")
                .then().statusCode(200).body("status", everyItem(equalTo("AWAITING_IDENTITY")))
                .extract().jsonPath().getList("id");
        assertTrue(ids.indexOf(newer.toString()) >= 0 && ids.indexOf(newer.toString()) < ids.indexOf(older.toString()),
                "newest first");
        given().auth().oauth2(TestTokens.auditor()).queryParam("limit", 1).get("/api/requests")
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.auditor()).queryParam("limit", 5000).get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().auth().oauth2(TestTokens.auditor()).queryParam("status", "LOST").get("/api/requests")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requestPastItsDueDateIsOverdueOnlyWhileItsClockRuns() {
        UUID awaiting = erasure(newEmail());
        UUID running = DsrApi.verifiedErasure(newEmail());
        QuarkusTransaction.requiringNew().run(() -> requests.update("dueAt = ?1 where id in ?2",
                Instant.now().minus(Duration.ofDays(1)), List.of(awaiting, running)));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + running).then().statusCode(200)
                .body("overdue", equalTo(true));
        given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + awaiting).then().statusCode(200)
                .body("overdue", equalTo(false));
    }

    @Test
    void openApiAndReadinessNeedNoToken() {
        given().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox")).body("checks.name", hasItem(containsString("Kafka")));
        given().port(management.getPort()).get("/q/openapi").then().statusCode(200).body(containsString("/api/requests"))
                .body(containsString("bearer"));
    }

    @Test
    void healthMetricsAndOpenApiAreNotServedOnTheApplicationPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(404);
        }
    }
}
