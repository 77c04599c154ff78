package eu.privacysuite.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.KeycloakServer;

/**
 * The realm's signing keys through Keycloak's admin REST API, as an operator rotates them: add a generated RSA key
 * above the others (it signs from then on), remove a key's provider (its key leaves the published JWKS).
 */
final class RealmKeys {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer keycloak;
    private final String admin;

    RealmKeys(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.admin = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    /** The id of the key provider (a component of the realm) whose key has {@code kid}. */
    String providerOf(String kid) {
        for (JsonNode key : call("GET", admin + "/keys", null).get("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                return key.get("providerId").asText();
            }
        }
        throw new AssertionError("the realm has no key " + kid);
    }

    /** Adds a generated RS256 key with a priority above every key of the realm, so that it signs the next tokens. */
    void addSigningKeyAboveTheOthers(String name) {
        long top = 0;
        for (JsonNode key : call("GET", admin + "/keys", null).get("keys")) {
            top = Math.max(top, key.path("providerPriority").asLong());
        }
        String realmId = call("GET", admin, null).get("id").asText();
        call("POST", admin + "/components", """
                {"name": "%s", "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                 "parentId": "%s", "config": {"priority": ["%d"], "enabled": ["true"], "active": ["true"],
                 "algorithm": ["RS256"], "keySize": ["2048"]}}""".formatted(name, realmId, top + 10));
    }

    void removeProvider(String providerId) {
        call("DELETE", admin + "/components/" + providerId, null);
    }

    private JsonNode call(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? null : read(response.body());
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/realms/master/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("no admin token: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Keycloak does not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
