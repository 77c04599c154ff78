package eu.privacysuite.e2e;

import java.nio.file.Path;

import eu.privacysuite.localstack.KeycloakServer;
import eu.privacysuite.localstack.LocalSecrets;
import eu.privacysuite.localstack.StackSettings;

/**
 * The one Keycloak of an end-to-end run, started like the local stack's (same distribution, same realm file) by the
 * first class that needs it and stopped when the test JVM exits. Its data directory, e2e-tests/target/keycloak, is
 * kept between runs on one checkout, so a second run does not unpack and import again. Each class's stack trusts it;
 * launching does not wait, so the first class starts its own stack meanwhile and waits for Keycloak last.
 */
final class SuiteKeycloak {

    /**
     * The realm's signing keys, as a JUnit resource: a class that removes one takes it READ_WRITE, a class that holds a
     * token across calls (a browser session) takes it READ, so the two never run side by side. A class that takes a
     * new token for each call needs neither.
     */
    static final String SIGNING_KEYS = "keycloak-realm-signing-keys";

    private static KeycloakServer keycloak;

    private SuiteKeycloak() {
    }

    static synchronized KeycloakServer launchedOnce(Path repo) {
        if (keycloak == null) {
            int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_E2E_PORT_BASE", "18080"));
            Path data = repo.resolve("e2e-tests/target/keycloak");
            StackSettings settings = new StackSettings(repo, data, 0, 0, portBase, "", false);
            keycloak = settings.launchKeycloak(LocalSecrets.loadOrCreate(data));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "e2e-keycloak-stop"));
        }
        return keycloak;
    }
}
