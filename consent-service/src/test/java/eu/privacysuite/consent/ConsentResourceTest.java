package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "consent_test"))
class ConsentResourceTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    static final String CURRENT = "2018-05-25";
    static final String SUPERSEDED = "2017-01-01";

    @Inject
    ConsentProofRepository proofs;

    @Inject
    PolicyVersionRepository versions;

    @Inject
    ObjectMapper mapper;

    static JsonPath give(UUID visitor, String decisions) {
        return given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"%s\",\"policyVersion\":\"%s\",\"decisions\":%s}".formatted(visitor, CURRENT, decisions))
                .post("/api/consents").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void currentPolicyVersionIsTheReferencePolicyOf2018() {
        given().get("/api/policy-versions/current").then().statusCode(200)
                .body("version", equalTo(CURRENT))
                .body("publishedAt", containsString("2018-05-2"));
    }

    @Test
    void catalogueGroupsTheServicesOfThePolicyByCategoryWithEssentialOnesExempt() {
        given().get("/api/catalogue").then().statusCode(200)
                .body("policyVersion", equalTo(CURRENT))
                .body("categories.category", equalTo(List.of("ESSENTIAL", "AUDIENCE_MEASUREMENT",
                        "SOCIAL_SHARING", "EXTERNAL_CONTENT")))
                .body("categories[0].consentRequired", equalTo(false))
                .body("categories[0].services.id", hasItems("session", "authentication", "load-balancing",
                        "interface-customisation"))
                .body("categories[0].services.consentRequired", not(hasItem(true)))
                .body("categories[1].services.id", equalTo(List.of("google-analytics")))
                .body("categories[2].services.id", hasItems("facebook", "google-plus", "linkedin", "twitter",
                        "viadeo", "youtube"))
                .body("categories[3].services.id", hasItems("google-maps", "youtube-video", "dailymotion",
                        "facebook-buttons", "twitter-buttons"))
                .body("categories[3].services.consentRequired", not(hasItem(false)));
    }

    @Test
    void consentIsStoredAsAProofValid13MonthsAskedAgainAfter6AndStartsItsRetentionClock() throws Exception {
        UUID visitor = UUID.randomUUID();
        JsonPath proof = give(visitor, "{\"google-analytics\":true,\"facebook\":false}");

        Instant givenAt = Instant.parse(proof.getString("givenAt"));
        assertEquals(givenAt.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant(), Instant.parse(proof.getString("expiresAt")));
        assertEquals(givenAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant(), Instant.parse(proof.getString("askAgainAt")));
        assertEquals(visitor.toString(), proof.getString("visitorId"));
        assertEquals(CURRENT, proof.getString("policyVersion"));

        UUID id = UUID.fromString(proof.getString("id"));
        ConsentProof stored = QuarkusTransaction.requiringNew().call(() -> proofs.findById(id));
        assertEquals(visitor, stored.visitorId);
        assertEquals(givenAt, stored.givenAt);
        assertEquals(givenAt.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant(), stored.expiresAt);

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        var clock = bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id.toString()), Duration.ofSeconds(20));
        assertEquals(visitor.toString(), clock.key());
        JsonNode envelope = mapper.readTree(clock.value());
        assertTrue(envelope.path("subjectKey").isNull() || envelope.path("subjectKey").isMissingNode(),
                "consent is pseudonymous: no subject key on its events");
        JsonNode data = envelope.get("data");
        assertEquals("consent-service", data.get("service").asText());
        assertEquals("COOKIE_CONSENT", data.get("category").asText());
        assertEquals("CONSENT_GIVEN", data.get("clockEvent").asText());
        assertEquals(givenAt, Instant.parse(data.get("at").asText()));

        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("privacy_consent_decisions_total"))
                .body(not(containsString(visitor.toString())));
    }

    @Test
    void servicesNotNamedAreRefusedAndEssentialServicesAreAlwaysOn() {
        JsonPath proof = give(UUID.randomUUID(), "{\"youtube-video\":true,\"session\":false}");
        Map<String, Boolean> decisions = proof.getMap("decisions");
        assertEquals(16, decisions.size(), "a decision for every service of the catalogue");
        assertEquals(true, decisions.get("youtube-video"));
        assertEquals(true, decisions.get("session"), "strictly necessary cookies need no consent");
        assertEquals(true, decisions.get("authentication"));
        assertEquals(false, decisions.get("google-analytics"), "refusal by default");
        assertEquals(false, decisions.get("dailymotion"));
        assertFalse(proof.getBoolean("askAgain"));
        assertFalse(proof.getBoolean("stale"));
    }

    @Test
    void unknownServiceGivesA422ProblemNamingTheFieldWithoutEchoingIt() {
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"%s\",\"policyVersion\":\"%s\",\"decisions\":{\"tracker-secret-value\":true}}"
                        .formatted(UUID.randomUUID(), CURRENT))
                .post("/api/consents").then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItem("decisions"))
                .body(not(containsString("secret-value")));
    }

    @Test
    void unknownPolicyVersionGivesA422ProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"%s\",\"policyVersion\":\"1999-secret-value\",\"decisions\":{}}"
                        .formatted(UUID.randomUUID()))
                .post("/api/consents").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("policyVersion"))
                .body(not(containsString("secret-value")));
    }

    @Test
    void consentToASupersededPolicyVersionIsAConflict() {
        ensureSupersededVersion();
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"%s\",\"policyVersion\":\"%s\",\"decisions\":{}}".formatted(UUID.randomUUID(), SUPERSEDED))
                .post("/api/consents").then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void badOrMissingVisitorIdGivesA400Problem() {
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"not-a-uuid-secret-value\",\"policyVersion\":\"%s\"}".formatted(CURRENT))
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("visitorId"))
                .body(not(containsString("secret-value")));
        given().contentType(ContentType.JSON).body("{\"policyVersion\":\"%s\"}".formatted(CURRENT))
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("visitorId"));
        given().get("/api/consents/current?visitorId=not-a-uuid-secret-value").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("visitorId"))
                .body(not(containsString("secret-value")));
    }

    @Test
    void malformedJsonGivesA400Problem() {
        given().contentType(ContentType.JSON).body("{\"visitorId\": \"secret-value\", ")
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("secret-value")));
        given().contentType(ContentType.JSON).body("{\"decisions\": {\"facebook\": \"maybe\"}}")
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("decisions"));
    }

    @Test
    void currentConsentIsTheLatestProofAndReadingItNeverExtendsIt() {
        UUID visitor = UUID.randomUUID();
        give(visitor, "{\"twitter\":true}");
        JsonPath latest = give(visitor, "{\"twitter\":false}");
        for (int i = 0; i < 2; i++) {
            given().get("/api/consents/current?visitorId=" + visitor).then().statusCode(200)
                    .body("id", equalTo(latest.getString("id")))
                    .body("decisions.twitter", equalTo(false))
                    .body("expiresAt", equalTo(latest.getString("expiresAt")))
                    .body("askAgain", equalTo(false))
                    .body("stale", equalTo(false));
        }
    }

    @Test
    void currentConsentIsAskedAgainAfterSixMonthsAndGoneAfterThirteen() {
        UUID halfYearOld = UUID.randomUUID();
        store(halfYearOld, CURRENT, Instant.now().atOffset(ZoneOffset.UTC).minusMonths(7).toInstant());
        given().get("/api/consents/current?visitorId=" + halfYearOld).then().statusCode(200)
                .body("askAgain", equalTo(true)).body("stale", equalTo(false));

        UUID expired = UUID.randomUUID();
        store(expired, CURRENT, Instant.now().atOffset(ZoneOffset.UTC).minusMonths(14).toInstant());
        given().get("/api/consents/current?visitorId=" + expired).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/consents/current?visitorId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void consentGivenUnderASupersededPolicyVersionIsStale() {
        ensureSupersededVersion();
        UUID visitor = UUID.randomUUID();
        store(visitor, SUPERSEDED, Instant.now().minus(1, ChronoUnit.DAYS));
        given().get("/api/consents/current?visitorId=" + visitor).then().statusCode(200)
                .body("stale", equalTo(true)).body("askAgain", equalTo(false));
    }

    @Test
    void readinessChecksDatabaseBrokerAndOutbox() {
        given().when().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    private void ensureSupersededVersion() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (versions.findByIdOptional(SUPERSEDED).isEmpty()) {
                PolicyVersion old = new PolicyVersion();
                old.version = SUPERSEDED;
                old.publishedAt = Instant.parse("2017-01-01T00:00:00Z");
                old.current = false;
                versions.persist(old);
            }
        });
    }

    /** A proof given in the past, as the service would have stored it then. */
    private void store(UUID visitor, String version, Instant givenAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentProof proof = new ConsentProof();
            proof.id = UUID.randomUUID();
            proof.visitorId = visitor;
            proof.policyVersion = version;
            proof.decisions = Map.of("session", true, "google-analytics", true);
            proof.givenAt = givenAt;
            proof.expiresAt = givenAt.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant();
            proof.askAgainAt = givenAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
            proofs.persist(proof);
        });
    }
}
