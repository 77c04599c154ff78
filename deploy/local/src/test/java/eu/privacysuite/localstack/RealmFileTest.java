package eu.privacysuite.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed realm holds no secret, and only the local stack's copy lets the console use the password grant. */
class RealmFileTest {

    private static final Path REALM = Path.of("../keycloak/realm-privacy.json");

    @TempDir
    Path dir;

    @Test
    void everySecretOfTheCommittedRealmIsAPlaceholder() throws Exception {
        Map<String, Object> realm = JsonUtil.parseJson(Files.readString(REALM));
        for (Map<String, Object> client : list(realm, "clients")) {
            if (client.containsKey("secret")) {
                assertPlaceholder(client.get("secret"));
            }
            assertEquals(Boolean.FALSE, client.get("directAccessGrantsEnabled"), client.get("clientId") + ": password grant");
        }
        assertEquals(Boolean.TRUE, realm.get("bruteForceProtected"));
        for (Map<String, Object> user : list(realm, "users")) {
            for (Map<String, Object> credential : list(user, "credentials")) {
                assertPlaceholder(credential.get("value"));
            }
        }
    }

    @Test
    void theLocalCopyAllowsThePasswordGrantOnTheConsoleOnly() throws Exception {
        Path copy = dir.resolve("realm.json");
        KeycloakServer.writeRealm(REALM, copy);
        Map<String, Object> realm = JsonUtil.parseJson(Files.readString(copy));
        for (Map<String, Object> client : list(realm, "clients")) {
            assertEquals(ControllerTokens.CONSOLE_CLIENT.equals(client.get("clientId")), client.get("directAccessGrantsEnabled"),
                    client.get("clientId") + ": password grant");
        }
        assertEquals(Boolean.FALSE, realm.get("bruteForceProtected"), "the tests' concurrent sign-ins lock nobody out");
        assertTrue(Files.readString(copy).contains("${PRIVACY_AUDITOR_PASSWORD}"), "placeholders are left to Keycloak");
    }

    private static void assertPlaceholder(Object value) {
        assertTrue(value instanceof String s && s.matches("\\$\\{PRIVACY_[A-Z_]+}"), "not a placeholder: " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.getOrDefault(key, List.of());
    }
}
