package eu.privacysuite.consent;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import eu.privacysuite.testing.TestTokens;

/** The calls the banner and the controller make, as the tests make them. */
final class ConsentApi {

    static final String DEMO = "demo";
    static final String CURRENT = "2018-05-25";

    private ConsentApi() {
    }

    /** A first choice on the demo site: the service issues the visitor id. */
    static JsonPath give(String decisions) {
        return give(DEMO, null, CURRENT, "CUSTOM", decisions);
    }

    static JsonPath give(String site, String token, String version, String action, String decisions) {
        return post(site, token, version, action, decisions, Map.of()).then().statusCode(201).extract().jsonPath();
    }

    static Response post(String site, String token, String version, String action, String decisions,
            Map<String, String> headers) {
        String body = "{\"site\":\"%s\",%s\"policyVersion\":\"%s\",\"action\":\"%s\",\"decisions\":%s,\"language\":\"fr-FR\"}"
                .formatted(site, token == null ? "" : "\"visitorToken\":\"" + token + "\",", version, action, decisions);
        return given().contentType(ContentType.JSON).headers(headers).body(body).post("/api/consents");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static Response current(String site, String token) {
        return given().header("Visitor-Token", token).get("/api/consents/current?site=" + site);
    }

    /** Publishes a version of a site's policy as the controller. */
    static JsonPath publish(String site, String version, String changedPurposes) {
        return as(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"site\":\"%s\",\"version\":\"%s\",\"text\":\"Policy %s\",\"shownDate\":\"2026-01-15\",\"changedPurposes\":%s}"
                        .formatted(site, version, version, changedPurposes))
                .post("/api/policy-versions").then().statusCode(201).extract().jsonPath();
    }
}
