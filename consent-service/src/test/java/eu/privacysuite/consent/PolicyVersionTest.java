package eu.privacysuite.consent;

import static eu.privacysuite.consent.ConsentApi.as;
import static eu.privacysuite.consent.ConsentApi.current;
import static eu.privacysuite.consent.ConsentApi.give;
import static eu.privacysuite.consent.ConsentApi.post;
import static eu.privacysuite.consent.ConsentApi.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import eu.privacysuite.testing.TestTokens;

/** Policy versions belong to a site; a new one asks visitors again only about the purposes it changed. */
@QuarkusTest
class PolicyVersionTest {

    static final String SHOP = "shop";

    @Inject
    EntityManager em;

    @Test
    void onlyTheControllerPublishesAndANewVersionReasksOnlyTheChangedPurposes() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String v1 = "2026-01-" + suffix;
        String v2 = "2026-02-" + suffix;
        String v3 = "2026-03-" + suffix;
        String body = "{\"site\":\"shop\",\"version\":\"x\",\"text\":\"t\",\"shownDate\":\"2026-01-01\",\"changedPurposes\":[]}";
        given().contentType(ContentType.JSON).body(body).post("/api/policy-versions").then().statusCode(401)
                .contentType("application/problem+json");
        as(TestTokens.auditor()).contentType(ContentType.JSON).body(body).post("/api/policy-versions").then()
                .statusCode(403);
        as(TestTokens.signedByAnotherKey()).contentType(ContentType.JSON).body(body).post("/api/policy-versions")
                .then().statusCode(401);

        publish(SHOP, v1, "[]");
        given().get("/api/policy?site=shop").then().statusCode(200).body("version", equalTo(v1))
                .body("text", equalTo("Policy " + v1)).body("shownDate", equalTo("2026-01-15"));
        given().get("/api/policy?site=demo").then().body("version", equalTo(ConsentApi.CURRENT));

        String token = give(SHOP, null, v1, "ACCEPT_ALL", "{}").getString("visitorToken");
        publish(SHOP, v2, "[\"SOCIAL_SHARING\"]");
        current(SHOP, token).then().statusCode(200).body("stale", equalTo(true))
                .body("reaskPurposes", equalTo(List.of("SOCIAL_SHARING")))
                .body("decisions.google-analytics", equalTo(true));
        publish(SHOP, v3, "[]");
        current(SHOP, token).then().body("reaskPurposes", equalTo(List.of("SOCIAL_SHARING")));
        given().get("/banner.js").then().body(containsString("\"shop\":\"" + v3 + "\""))
                .body(not(containsString(v2)));

        post(SHOP, token, v1, "ACCEPT_ALL", "{}", Map.of()).then().statusCode(409)
                .contentType("application/problem+json");
        String again = give(SHOP, token, v3, "CUSTOM", "{\"google-analytics\":true,\"twitter\":false}")
                .getString("visitorToken");
        current(SHOP, again).then().body("stale", equalTo(false)).body("reaskPurposes", equalTo(List.of()));
    }

    /**
     * Another replica publishes (here: rows changed behind this one): a consent to the new version is accepted at
     * once, because it is checked against the database; the reads show it once this replica's copy is reloaded,
     * within consent.policy-versions-fresh-for (1 s).
     */
    @Test
    void aVersionPublishedOnAnotherReplicaCountsAtOnceAndShowsInReadsWithinASecond() {
        String version = "2026-04-" + UUID.randomUUID().toString().substring(0, 8);
        given().get("/banner.js").then().statusCode(200); // this replica has its copy
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update policy_version set current = false where site_id = 'blog'").executeUpdate();
            em.createNativeQuery("insert into policy_version (site_id, version, published_at, current, text,"
                    + " changed_purposes) values ('blog', :v, now(), true, 'elsewhere', '[]')")
                    .setParameter("v", version).executeUpdate();
        });
        String token = give("blog", null, version, "ACCEPT_ALL", "{}").getString("visitorToken");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            given().get("/banner.js").then().body(containsString("\"blog\":\"" + version + "\""));
            current("blog", token).then().statusCode(200).body("stale", equalTo(false));
        });
    }

    @Test
    void aVersionNamingAPurposeThatNeedsNoConsentOrPublishedTwiceIsRefused() {
        String version = "2027-" + UUID.randomUUID().toString().substring(0, 8);
        as(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"site\":\"shop\",\"version\":\"%s\",\"text\":\"t\",\"shownDate\":\"2026-01-01\",\"changedPurposes\":[\"ESSENTIAL\"]}"
                        .formatted(version))
                .post("/api/policy-versions").then().statusCode(422).body("errors.field", hasItem("changedPurposes"));
        publish(SHOP, version, "[]");
        as(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"site\":\"shop\",\"version\":\"%s\",\"text\":\"t\",\"shownDate\":\"2026-01-01\",\"changedPurposes\":[]}"
                        .formatted(version))
                .post("/api/policy-versions").then().statusCode(409);
    }

    @Test
    void consentRatesArePerSiteServicePolicyVersionAndWeek() {
        String version = "2026-" + UUID.randomUUID().toString().substring(0, 8);
        publish("blog", version, "[]");
        give("blog", null, version, "ACCEPT_ALL", "{}");
        give("blog", null, version, "REFUSE_ALL", "{}");
        give("blog", null, version, "CUSTOM", "{\"twitter\":true}");
        as(TestTokens.auditor()).get("/api/consents/rates?site=blog").then().statusCode(200)
                .body("findAll { it.policyVersion == '%s' && it.service == 'twitter' }.accepted".formatted(version),
                        equalTo(List.of(2)))
                .body("findAll { it.policyVersion == '%s' && it.service == 'twitter' }.refused".formatted(version),
                        equalTo(List.of(1)))
                .body("findAll { it.policyVersion == '%s' && it.service == 'google-analytics' }.accepted".formatted(version),
                        equalTo(List.of(1)))
                .body("service", org.hamcrest.Matchers.not(hasItem("session")));
        given().get("/api/consents/rates?site=blog").then().statusCode(401);
    }
}
