package eu.privacysuite.dsr;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.privacysuite.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The breach register's API as the controller and the auditor call it. */
final class BreachApi {

    private BreachApi() {
    }

    /** A complete, valid breach form, aware at {@code awareAt}; tests change one field at a time. */
    static Map<String, Object> form(Instant awareAt, String risk) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("occurredAt", awareAt.minusSeconds(6 * 3600).toString());
        form.put("awareAt", awareAt.toString());
        form.put("natures", List.of("CONFIDENTIALITY"));
        form.put("dataCategories", List.of("e-mail addresses", "names"));
        form.put("retentionCategories", List.of("PROSPECT", "NEWSLETTER"));
        form.put("windowFrom", "2026-01-01T00:00:00Z");
        form.put("windowUntil", awareAt.minusSeconds(7 * 3600).toString());
        form.put("approxSubjects", 1200);
        form.put("approxRecords", 3400);
        form.put("description", "A backup of the contact database was left readable on a public bucket.");
        form.put("consequences", "Unsolicited mail and phishing attempts using the names.");
        form.put("measures", "Bucket made private, access keys rotated, access logs reviewed.");
        form.put("dpoContact", "DPO, dpo@example.org, +33 1 23 45 67 89");
        form.put("risk", risk);
        form.put("riskReasons", "Names and addresses only; no passwords or payment data.");
        return form;
    }

    static Response post(Object form) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(form)
                .post("/api/breaches");
    }

    static UUID record(Map<String, Object> form) {
        return UUID.fromString(post(form).then().statusCode(201).extract().path("id"));
    }

    static JsonPath view(UUID id) {
        return given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static Response notifyCnil(UUID id, Object body) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(body)
                .post("/api/breaches/" + id + "/notification");
    }

    static List<String> listed(String due) {
        return given().auth().oauth2(TestTokens.auditor()).queryParam("due", due).queryParam("limit", 200)
                .get("/api/breaches").then().statusCode(200).extract().jsonPath().getList("id");
    }

    /** The breach's trail as "actor: event", and whether it verifies. */
    static JsonPath trail(UUID id) {
        return given().auth().oauth2(TestTokens.auditor()).get("/api/breaches/" + id + "/audit").then()
                .statusCode(200).extract().jsonPath();
    }

}
