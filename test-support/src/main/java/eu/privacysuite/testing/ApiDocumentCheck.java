package eu.privacysuite.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * What a site generating a client from a service's OpenAPI document relies on, checked without npm: every operation
 * has a unique operationId and says which token it needs (none: {@code security: []}), and every error answer it
 * declares is described as application/problem+json with the shared Problem schema.
 */
public final class ApiDocumentCheck {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocumentCheck() {
    }

    /**
     * The faults of the document the service serves on its management port; a copy is kept in
     * {@code target/openapi/<service>.json} for the redocly lint of the README.
     */
    public static List<String> faultsOfServedDocument(URL management, String service) throws IOException {
        String document = RestAssured.given().port(management.getPort()).accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Path copy = Path.of("target/openapi/" + service + ".json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, document);
        return faults(new ObjectMapper().readTree(document));
    }

    /** The faults found; empty when the document keeps the contract. */
    public static List<String> faults(JsonNode document) {
        List<String> faults = new ArrayList<>();
        if (document.at("/components/schemas/Problem").isMissingNode()) {
            faults.add("no Problem schema in components");
        }
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), ids, faults);
                }
            }
        }
        if (ids.isEmpty()) {
            faults.add("no operation at all");
        }
        return faults;
    }

    private static void check(String name, JsonNode operation, Set<String> ids, List<String> faults) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty()) {
            faults.add(name + ": no operationId");
        } else if (!ids.add(id)) {
            faults.add(name + ": operationId " + id + " is not unique");
        }
        if (!operation.has("security")) {
            faults.add(name + ": does not say which token it needs (security)");
        }
        boolean secured = operation.path("security").size() > 0;
        JsonNode responses = operation.path("responses");
        List<String> expected = new ArrayList<>(List.of("503"));
        if (secured) {
            expected.addAll(List.of("401", "403"));
        }
        if (operation.has("requestBody")) {
            expected.addAll(List.of("400", "413", "415"));
        }
        for (String code : expected) {
            if (!responses.has(code)) {
                faults.add(name + ": no " + code + " answer");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                String ref = response.getValue().at("/content/application~1problem+json/schema/$ref").asText("");
                if (!ref.endsWith("/Problem")) {
                    faults.add(name + ": answer " + response.getKey() + " is not described as a Problem");
                }
            }
        }
    }
}
