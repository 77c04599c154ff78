package eu.privacysuite.console.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.console.config.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.vertx.core.http.HttpServerRequest;

/**
 * Calls a service's API with the signed-in user's own access token, so that the service's role check decides
 * (the console is trusted with nothing). The JDK's HTTP client suffices: every call is one JSON request whose answer,
 * problem+json included, is passed on as it came; a typed REST client per endpoint would only copy the services'
 * records. A 401 is the exception: the user's token is no longer accepted, and the console signs them in again
 * ({@link SessionRefused}).
 */
@RequestScoped
public class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ConsoleConfig config;
    private final AccessTokenCredential accessToken;
    private final ObjectMapper json;
    private final HttpServerRequest browserRequest;

    public ServiceApi(ConsoleConfig config, AccessTokenCredential accessToken, ObjectMapper json,
            HttpServerRequest browserRequest) {
        this.config = config;
        this.accessToken = accessToken;
        this.json = json;
        this.browserRequest = browserRequest;
    }

    public ApiAnswer get(Suite service, String path) {
        return send(request(service, path).GET());
    }

    public ApiAnswer post(Suite service, String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
        if (bytes.length > config.maxJsonBody()) {
            throw new FormTooLarge(config.maxJsonBody());
        }
        return send(request(service, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** A POST without a body (cancel, retry, mail a code). */
    public ApiAnswer post(Suite service, String path) {
        return send(request(service, path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A file as the single part {@code part} of a multipart PUT. */
    public ApiAnswer putFile(Suite service, String path, String part, byte[] content) {
        String boundary = "console-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"document\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(service, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(Suite service, String path) {
        return HttpRequest.newBuilder(URI.create(base(service) + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken.getToken())
                .header("Accept", "application/json, application/problem+json, */*");
    }

    private ApiAnswer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 && browserRequest.getCookie(SessionRefused.MARKER) == null) {
                throw new SessionRefused();
            }
            return new ApiAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new ServiceUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(e);
        }
    }

    private String base(Suite service) {
        ConsoleConfig.Services s = config.services();
        return switch (service) {
            case CONSENT -> s.consent();
            case CONTACT -> s.contact();
            case DSR -> s.dsr();
            case RETENTION -> s.retention();
        };
    }

    /** A form whose fields, as the service would receive them, are over {@link ConsoleConfig#maxJsonBody()}. */
    public static final class FormTooLarge extends RuntimeException {
        FormTooLarge(int limit) {
            super("The form's fields are too long: at most " + limit / 1024 + " KB in all.");
        }
    }

    /** A service did not answer: the page says so (503), the user tries again. */
    public static final class ServiceUnavailable extends RuntimeException {
        ServiceUnavailable(Exception cause) {
            super("a service of the suite did not answer", cause);
        }
    }
}
