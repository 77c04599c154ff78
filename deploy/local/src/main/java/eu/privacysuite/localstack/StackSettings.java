package eu.privacysuite.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how the local stack runs. The local stack uses the defaults (ports 8081-8084, SMTP 8105 and its
 * reading API 8106, Keycloak 8170, broker 9092, databases consent, contact, dsr, retention); the end-to-end tests move ports and
 * databases aside.
 */
public record StackSettings(
        Path repoRoot,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int portBase,
        String databasePrefix,
        boolean freshDatabases,
        Map<String, String> serviceEnvironment) {

    /** Extra environment given to every service (e.g. a short retention schedule for a test). */
    public StackSettings {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    public StackSettings(Path repoRoot, Path dataDir, int kafkaPort, int kafkaControllerPort, int portBase,
            String databasePrefix, boolean freshDatabases) {
        this(repoRoot, dataDir, kafkaPort, kafkaControllerPort, portBase, databasePrefix, freshDatabases, Map.of());
    }

    /** The settings of `deploy/local/run`, each overridable by environment. */
    public static StackSettings local(Path repoRoot) {
        Path data = env("PRIVACY_LOCAL_DATA") == null ? repoRoot.resolve("deploy/local/.data") : Path.of(env("PRIVACY_LOCAL_DATA"));
        return new StackSettings(repoRoot, data,
                intEnv("PRIVACY_KAFKA_PORT", 9092), intEnv("PRIVACY_KAFKA_CONTROLLER_PORT", 9093),
                intEnv("PRIVACY_PORT_BASE", 8080), envOr("PRIVACY_DB_PREFIX", ""), false);
    }

    public Path serviceJar(SuiteService service) {
        return repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The local SMTP server's port and its reading API's port, beside the services' ports. */
    public int smtpPort() {
        return portBase + 25;
    }

    public int mailApiPort() {
        return portBase + 26;
    }

    public Path mailServerJar() {
        return repoRoot.resolve("deploy/local/target/mail-server/greenmail-standalone.jar");
    }

    /** Keycloak, the stack's identity provider (realm privacy), listens 90 above the base: 8170 by default. */
    public int keycloakPort() {
        return portBase + 90;
    }

    /** Keycloak's distribution as Maven copied it at package time, unpacked under {@link #keycloakHome()} at start. */
    public Path keycloakDistribution() {
        return repoRoot.resolve("deploy/local/target/keycloak/keycloak-quarkus-dist.zip");
    }

    /** The realm that Keycloak imports at its first start. */
    public Path realmFile() {
        return repoRoot.resolve("deploy/keycloak/realm-privacy.json");
    }

    public Path keycloakHome() {
        return dataDir.resolve("keycloak");
    }

    public Path keycloakLog() {
        return dataDir.resolve("logs").resolve("keycloak.log");
    }

    /** Starts this stack's Keycloak without waiting for it. */
    public KeycloakServer launchKeycloak(LocalSecrets secrets) {
        return KeycloakServer.launch(keycloakDistribution(), realmFile(), keycloakHome(), keycloakPort(), secrets, keycloakLog());
    }

    public Path logFile(SuiteService service) {
        return dataDir.resolve("logs").resolve(service.module() + ".log");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String name, String fallback) {
        return env(name) == null ? fallback : env(name);
    }

    private static int intEnv(String name, int fallback) {
        return env(name) == null ? fallback : Integer.parseInt(env(name));
    }
}
