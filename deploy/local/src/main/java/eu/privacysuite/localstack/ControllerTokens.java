package eu.privacysuite.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens from the stack's Keycloak (realm {@value KeycloakServer#REALM}), as any client of the realm gets
 * them: the controller's through the scripts client's client-credentials grant (its service account holds
 * privacy-controller), the auditor's through the password grant of the user {@code auditor} on the console client,
 * which only the local stack's copy of the realm allows. The realm names the four services as audience and puts the
 * roles in {@code groups}; a token lives as long as the realm's access token lifespan (15 minutes).
 */
public final class ControllerTokens {

    public static final String CONTROLLER = "privacy-controller";
    public static final String AUDITOR = "privacy-auditor";
    public static final String SCRIPTS_CLIENT = "privacy-scripts";
    public static final String CONSOLE_CLIENT = "privacy-console";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmUrl;
    private final LocalSecrets secrets;

    public ControllerTokens(String realmUrl, LocalSecrets secrets) {
        this.realmUrl = realmUrl;
        this.secrets = secrets;
    }

    /** A token for {@link #CONTROLLER} or {@link #AUDITOR}. */
    public String token(String role) {
        return switch (role) {
            case CONTROLLER -> request(Map.of("grant_type", "client_credentials", "client_id", SCRIPTS_CLIENT,
                    "client_secret", secrets.scriptsClientSecret()));
            case AUDITOR -> request(Map.of("grant_type", "password", "client_id", CONSOLE_CLIENT, "username", "auditor",
                    "password", secrets.auditorPassword(), "scope", "openid"));
            default -> throw new IllegalArgumentException("no local user for role " + role);
        };
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            Object token = JsonUtil.parseJson(response.body()).get("access_token");
            if (!(token instanceof String accessToken)) {
                throw new IllegalStateException("Keycloak's answer has no access_token");
            }
            return accessToken;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak does not answer at " + realmUrl + ": is the local stack running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak for a token", e);
        } catch (JoseException e) {
            throw new IllegalStateException("Keycloak's answer is not JSON", e);
        }
    }
}
