package eu.privacysuite.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.SuiteService;

/** Calls the services of a running stack as their clients do. */
final class SuiteHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;

    SuiteHttp(LocalStack stack) {
        this.stack = stack;
    }

    HttpResponse<String> post(SuiteService service, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(builder, token);
    }

    JsonNode get(SuiteService service, String path, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.url(service) + path)).GET(), token);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    /**
     * A visitor's first choice on the demo site, as the banner records it under the current policy version: the
     * answer (201) with the proof's {@code id}, the {@code visitorId} the service issues and its {@code visitorToken}.
     */
    JsonNode firstChoice(String action, String decisions) {
        String version = get(SuiteService.CONSENT, "/api/policy-versions/current", null).get("version").asText();
        String actionField = action == null ? "" : "\"action\":\"" + action + "\",";
        HttpResponse<String> consent = post(SuiteService.CONSENT, "/api/consents", null,
                "{\"site\":\"demo\",\"policyVersion\":\"" + version + "\"," + actionField + "\"decisions\":" + decisions + "}");
        if (consent.statusCode() != 201) {
            throw new AssertionError("the first choice: " + consent.statusCode() + " " + consent.body());
        }
        return json(consent.body());
    }

    /** A GET whose answer is read as bytes (a zip, a page), whatever its status. */
    HttpResponse<byte[]> getBytes(SuiteService service, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.url(service) + path)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
