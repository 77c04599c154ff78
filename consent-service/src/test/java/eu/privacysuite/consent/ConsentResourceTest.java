package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.CURRENT;
import static eu.privacysuite.consent.ConsentApi.DEMO;
import static eu.privacysuite.consent.ConsentApi.current;
import static eu.privacysuite.consent.ConsentApi.give;
import static eu.privacysuite.consent.ConsentApi.post;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.MovingClockTestBase;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "consent_test"))
@QuarkusTestResource(TestTokens.class)
class ConsentResourceTest extends MovingClockTestBase {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ConsentProofRepository proofs;

    @Inject
    ObjectMapper mapper;

    @Test
    void policyInForceOnTheDemoSiteIsTheReferencePolicyOf2018() {
        given().get("/api/policy?site=demo").then().statusCode(200)
                .body("version", equalTo(CURRENT)).body("site", equalTo(DEMO))
                .body("shownDate", equalTo("2018-05-25"));
        given().get("/api/policy-versions/current").then().statusCode(200).body("version", equalTo(CURRENT));
        given().get("/api/policy?site=nowhere").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("site"));
    }

    @Test
    void catalogueOfASiteGroupsItsServicesByCategoryWithEssentialOnesExempt() {
        given().get("/api/catalogue?site=demo").then().statusCode(200)
                .body("policyVersion", equalTo(CURRENT))
                .body("categories.category", equalTo(List.of("ESSENTIAL", "AUDIENCE_MEASUREMENT",
                        "SOCIAL_SHARING", "EXTERNAL_CONTENT")))
                .body("categories[0].consentRequired", equalTo(false))
                .body("categories[0].services.id", hasItems("session", "authentication", "load-balancing",
                        "interface-customisation"))
                .body("categories[1].services.id", equalTo(List.of("google-analytics")))
                .body("categories[2].services.id", equalTo(List.of("facebook")))
                .body("categories[3].services.id", equalTo(List.of("google-maps", "youtube-video")));
        given().get("/api/sites/demo/banner?lang=fr-FR").then().statusCode(200)
                .body("language", equalTo("fr")).body("title", equalTo("Vos choix de cookies"))
                .body("categories[1].services[0].purpose", containsString("Statistiques"))
                .body("categories[1].services[0].cookies", containsString("_ga"));
        given().get("/api/sites/demo/banner?lang=de").then().statusCode(200).body("language", equalTo("fr"));
    }

    @Test
    void firstChoiceIssuesASignedVisitorIdAndAProofValid13MonthsAskedAgainAfter6() throws Exception {
        JsonPath proof = give("{\"google-analytics\":true,\"facebook\":false}");
        String token = proof.getString("visitorToken");
        String visitor = proof.getString("visitorId");
        assertTrue(token.startsWith("v1." + visitor + "."), "the token names the visitor and signs it");

        Instant givenAt = Instant.parse(proof.getString("givenAt"));
        assertEquals(givenAt.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant(), Instant.parse(proof.getString("expiresAt")));
        assertEquals(givenAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant(), Instant.parse(proof.getString("askAgainAt")));
        assertEquals("fr", proof.getString("language"));

        UUID id = UUID.fromString(proof.getString("id"));
        ConsentProof stored = QuarkusTransaction.requiringNew().call(() -> proofs.findById(id));
        assertEquals(UUID.fromString(visitor), stored.visitorId);
        assertEquals("127.0.0.0/24", stored.ipPrefix, "the address is kept truncated");
        assertEquals(64, stored.bannerTextHash.length(), "the hash of the banner text shown");
        assertEquals(1, stored.seq);

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        var event = bus.await(Topics.RETENTION_LIFECYCLE, r -> r.value().contains(id.toString()), Duration.ofSeconds(20));
        assertEquals(visitor, event.key());
        JsonNode envelope = mapper.readTree(event.value());
        assertTrue(envelope.path("subjectKey").isNull() || envelope.path("subjectKey").isMissingNode(),
                "consent is pseudonymous: no subject key on its events");
        assertEquals("CONSENT_GIVEN", envelope.get("data").get("clockEvent").asText());

        given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("privacy_consent_decisions_total"))
                .body(not(containsString(visitor)));
    }

    @Test
    void servicesNotNamedAreRefusedEssentialOnesAlwaysOnAndAcceptAllAcceptsTheSitesServices() {
        Map<String, Boolean> custom = give("{\"youtube-video\":true,\"session\":false}").getMap("decisions");
        assertEquals(8, custom.size(), "a decision for every service of the site");
        assertEquals(true, custom.get("youtube-video"));
        assertEquals(true, custom.get("session"), "strictly necessary cookies need no consent");
        assertEquals(false, custom.get("google-analytics"), "refusal by default");

        Map<String, Boolean> all = give(DEMO, null, CURRENT, "ACCEPT_ALL", "{}").getMap("decisions");
        assertFalse(all.containsValue(false));
        Map<String, Boolean> none = give(DEMO, null, CURRENT, "REFUSE_ALL", "{\"facebook\":true}").getMap("decisions");
        assertEquals(false, none.get("facebook"));
        assertEquals(true, none.get("session"));
    }

    @Test
    void aChangeNeedsTheSignedVisitorIdAndAForgedOneChangesNothing() {
        JsonPath first = give("{\"google-analytics\":true}");
        String token = first.getString("visitorToken");
        String visitor = first.getString("visitorId");

        JsonPath second = give(DEMO, token, CURRENT, "CUSTOM", "{\"google-analytics\":false}");
        assertEquals(visitor, second.getString("visitorId"), "the same visitor, by the signed id");

        // Knowing the visitor id is not enough: a token with another signature is refused, and nothing is stored.
        String forged = "v1." + visitor + ".AAAAAAAAAAAAAAAAAAAAAA";
        post(DEMO, forged, CURRENT, "ACCEPT_ALL", "{}", Map.of()).then().statusCode(403)
                .contentType("application/problem+json").body(not(containsString(visitor)));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> proofs.count("visitorId", UUID.fromString(visitor))));
        current(DEMO, token).then().statusCode(200).body("decisions.google-analytics", equalTo(false));
        current(DEMO, forged).then().statusCode(403);
    }

    @Test
    void currentChoiceIsReadWithTheTokenInAHeaderAndNeverExtended() {
        JsonPath latest = give("{\"facebook\":true}");
        String token = latest.getString("visitorToken");
        for (int i = 0; i < 2; i++) {
            current(DEMO, token).then().statusCode(200)
                    .body("id", equalTo(latest.getString("id")))
                    .body("expiresAt", equalTo(latest.getString("expiresAt")))
                    .body("askAgain", equalTo(false)).body("stale", equalTo(false));
        }
        given().get("/api/consents/current?site=demo&visitorId=" + latest.getString("visitorId")).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void choiceIsAskedAgainAfterSixMonthsAndGoneAfterThirteenAndAVisitNeverExtendsIt() {
        JsonPath proof = give("{\"google-analytics\":true}");
        String token = proof.getString("visitorToken");
        clock.advance(Duration.ofDays(185));
        current(DEMO, token).then().statusCode(200).body("askAgain", equalTo(true))
                .body("expiresAt", equalTo(proof.getString("expiresAt")));
        clock.advance(Duration.ofDays(215));
        current(DEMO, token).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void gpcWithoutAChoiceIsARefusalButAnExplicitChoiceWins() {
        Map<String, String> gpc = Map.of("Sec-GPC", "1");
        JsonPath refusal = post(DEMO, null, CURRENT, "GPC", "{\"google-analytics\":true}", gpc).then()
                .statusCode(201).extract().jsonPath();
        assertEquals("GPC", refusal.getString("action"));
        assertTrue(refusal.getBoolean("gpc"));
        assertEquals(false, refusal.getMap("decisions").get("google-analytics"));
        assertEquals(null, refusal.getString("bannerTextHash"), "no banner was shown");

        String token = refusal.getString("visitorToken");
        JsonPath explicit = give(DEMO, token, CURRENT, "ACCEPT_ALL", "{}");
        JsonPath again = post(DEMO, token, CURRENT, "GPC", "{}", gpc).then().statusCode(200).extract().jsonPath();
        assertEquals(explicit.getString("id"), again.getString("id"), "the explicit choice holds; nothing new is stored");
        assertEquals(true, again.getMap("decisions").get("google-analytics"));
    }

    @Test
    void withdrawalIsOneCallWithTheSignedIdAndRefusesEverything() {
        String token = give(DEMO, null, CURRENT, "ACCEPT_ALL", "{}").getString("visitorToken");
        JsonPath withdrawn = give(DEMO, token, CURRENT, "WITHDRAW", "{}");
        assertEquals("WITHDRAW", withdrawn.getString("action"));
        assertEquals(false, withdrawn.getMap("decisions").get("youtube-video"));
        current(DEMO, token).then().statusCode(200).body("action", equalTo("WITHDRAW"));
        post(DEMO, null, CURRENT, "WITHDRAW", "{}", Map.of()).then().statusCode(422)
                .body("errors.field", hasItem("visitorToken"));
    }

    @Test
    void aSiteTakesConsentsOnlyFromItsOriginsAndForItsServices() {
        post(DEMO, null, CURRENT, "ACCEPT_ALL", "{}", Map.of("Origin", "https://evil.example")).then()
                .statusCode(403);
        // An origin of another site of the controller passes CORS, but may not post the demo site's consents.
        post(DEMO, null, CURRENT, "ACCEPT_ALL", "{}", Map.of("Origin", "https://blog.example")).then()
                .statusCode(403).contentType("application/problem+json");
        post(DEMO, null, CURRENT, "CUSTOM", "{\"dailymotion\":true}", Map.of()).then().statusCode(422)
                .body("errors.field", hasItem("decisions"));
        post("nowhere", null, CURRENT, "CUSTOM", "{}", Map.of()).then().statusCode(422)
                .body("errors.field", hasItem("site"));
    }

    @Test
    void badInputGivesAProblemThatEchoesNothing() {
        post(DEMO, null, "1999-secret-value", "CUSTOM", "{}", Map.of()).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("policyVersion"))
                .body(not(containsString("secret-value")));
        post(DEMO, null, CURRENT, "CUSTOM", "{\"tracker-secret-value\":true}", Map.of()).then().statusCode(422)
                .body(not(containsString("secret-value")));
        given().contentType(ContentType.JSON).body("{\"policyVersion\": \"secret-value\", ")
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("secret-value")));
        given().contentType(ContentType.JSON).body("{\"policyVersion\":\"x\",\"action\":\"MAYBE\"}")
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"decisions\": {\"facebook\": \"maybe\"}}")
                .post("/api/consents").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void bannerScriptCarriesTheVersionInForceOfEachSite() {
        given().get("/banner.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age=300"))
                .body(containsString("\"demo\":\"2018-05-25\""))
                .body(not(containsString("__VERSIONS__")));
        given().get("/demo/").then().statusCode(200).body(containsString("data-site=\"demo\""));
    }

    @Test
    void theBenchmarksEmptyEndpointAnswers404UnlessTheBenchSwitchesItOn() {
        given().get("/api/empty").then().statusCode(404);
    }

    @Test
    void theBannerSetupNamesAndDescribesEveryServiceInTheVisitorsLanguage() {
        JsonPath fr = given().get("/api/sites/demo/banner?lang=fr").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Authentification", "Personnalisation de l'interface", "Répartition de charge",
                "Identifiant de session"), fr.getList("categories.find { it.category == 'ESSENTIAL' }.services.name"));
        assertEquals("Vidéos YouTube", fr.getString(
                "categories.services.flatten().find { it.id == 'youtube-video' }.name"));
        assertEquals("Garder votre connexion aux parties du site qui demandent un compte.", fr.getString(
                "categories.services.flatten().find { it.id == 'authentication' }.purpose"));
        assertEquals("jusqu'à la fermeture du navigateur", fr.getString(
                "categories.services.flatten().find { it.id == 'session' }.retention"));
        JsonPath en = given().get("/api/sites/demo/banner?lang=en").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Authentication", "Interface customisation", "Load balancing", "Session identifier"),
                en.getList("categories.find { it.category == 'ESSENTIAL' }.services.name"));
        assertEquals("YouTube videos", en.getString("categories.services.flatten().find { it.id == 'youtube-video' }.name"));
    }

    @Test
    void readinessChecksDatabaseBrokerAndOutbox() {
        given().when().port(management.getPort()).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
