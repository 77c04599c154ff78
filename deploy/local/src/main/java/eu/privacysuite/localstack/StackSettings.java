package eu.privacysuite.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where and how the local stack runs. The local stack uses the defaults (ports 8081-8084, SMTP 8105 and its
 * reading API 8106, Keycloak 8170, broker 9092, databases consent, contact, dsr, retention, one replica of each
 * service); the end-to-end tests move ports and databases aside. With {@code replicas} above 1, replica n of a
 * service listens 100 × (n − 1) above the first (8181-8184 for the second), its management port 1000 above that, and
 * every replica of a service shares its database and the broker.
 */
public record StackSettings(
        Path repoRoot,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int portBase,
        String databasePrefix,
        boolean freshDatabases,
        Map<String, String> serviceEnvironment,
        int replicas) {

    /** Extra environment given to every service (e.g. a short retention schedule for a test). */
    public StackSettings {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be 1 or more, not " + replicas);
        }
    }

    /** One replica of each service. */
    public StackSettings(Path repoRoot, Path dataDir, int kafkaPort, int kafkaControllerPort, int portBase,
            String databasePrefix, boolean freshDatabases, Map<String, String> serviceEnvironment) {
        this(repoRoot, dataDir, kafkaPort, kafkaControllerPort, portBase, databasePrefix, freshDatabases,
                serviceEnvironment, 1);
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
                intEnv("PRIVACY_PORT_BASE", 8080), envOr("PRIVACY_DB_PREFIX", ""), false, Map.of(),
                intEnv("PRIVACY_REPLICAS", 1));
    }

    /** The port of replica {@code replica} (1 for the first) of a service. */
    public int port(SuiteService service, int replica) {
        return service.port(portBase) + 100 * (replica - 1);
    }

    public Path serviceJar(SuiteService service) {
        return repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The privacy office's console: 8085 by default. */
    public int consolePort() {
        return portBase + ConsoleProcess.PORT_OFFSET;
    }

    public Path consoleJar() {
        return repoRoot.resolve("console/target/quarkus-app/quarkus-run.jar");
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

    /** The stand-in CRM of PRIVACY_EXTERNAL_CRM=1, 77 above the base: 8157 by default. */
    public int crmPort() {
        return portBase + 77;
    }

    /**
     * Whether PRIVACY_EXTERNAL_CRM=1 asks for the stand-in CRM as an external participant of dsr-service and as the
     * external system {@code crm} of retention-service.
     */
    public static boolean externalCrm() {
        return "1".equals(System.getenv("PRIVACY_EXTERNAL_CRM"));
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

    /**
     * The ports this stack would listen on that something else holds already, as "what port" (empty when all are
     * free): the broker's two, each replica's service and management ports, the console's two, the mail server's two,
     * the stand-in CRM's when asked for, and Keycloak's when the stack starts its own.
     */
    public List<String> portsTaken(Set<SuiteService> services, boolean ownKeycloak) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("the Kafka broker", kafkaPort);
        ports.put("the Kafka controller", kafkaControllerPort);
        for (int replica = 1; replica <= replicas; replica++) {
            for (SuiteService service : services) {
                String name = service.module() + (replica == 1 ? "" : " replica " + replica);
                ports.put(name, port(service, replica));
                ports.put(name + " (management)", service.managementPort(port(service, replica)));
            }
        }
        ports.put("the console", consolePort());
        ports.put("the console (management)", consolePort() + 1000);
        ports.put("the mail server (SMTP)", smtpPort());
        ports.put("the mail server (API)", mailApiPort());
        if (externalCrm()) {
            ports.put("the stand-in CRM", crmPort());
        }
        if (ownKeycloak) {
            ports.put("Keycloak", keycloakPort());
        }
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                taken.add(what + " " + port);
            }
        });
        return taken;
    }

    /** Starts this stack's Keycloak without waiting for it. */
    public KeycloakServer launchKeycloak(LocalSecrets secrets) {
        return KeycloakServer.launch(keycloakDistribution(), realmFile(), keycloakHome(), keycloakPort(), secrets, keycloakLog());
    }

    public Path logFile(SuiteService service) {
        return dataDir.resolve("logs").resolve(service.module() + ".log");
    }

    /** The first replica's log is {@link #logFile(SuiteService)}; replica n's has "-n" in its name. */
    public Path logFile(SuiteService service, int replica) {
        return replica == 1 ? logFile(service) : dataDir.resolve("logs").resolve(service.module() + "-" + replica + ".log");
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
