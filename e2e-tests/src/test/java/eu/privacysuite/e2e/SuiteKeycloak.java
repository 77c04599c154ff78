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
