package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The suite's identity provider on this machine: Keycloak from Maven Central's keycloak-quarkus-dist, unpacked once
 * under the data directory and run as a child process ({@code kc.sh start} with {@link #BUILD_OPTIONS}: its
 * file-based H2 store, one node's local caches, plain HTTP on 127.0.0.1) with a Java 21+ that {@link Jdks} finds.
 * Keycloak builds itself for its options before its first start (about 18 s of CPU); the suite's Maven build makes
 * that build once, beside the distribution ({@link KeycloakBuild}), and each new copy takes it, so that no start
 * builds again. At its first start it imports the realm {@value #REALM} from deploy/keycloak/realm-privacy.json;
 * Keycloak fills the file's {@code ${...}} placeholders (client secret, passwords) from the environment this class
 * gives it, out of {@link LocalSecrets}. Later starts keep the realm.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "privacy";
    /** Keycloak 26 runs on Java 21 or newer. */
    static final int JAVA_NEEDED = 21;
    /**
     * The options given to {@code kc.sh build} and to every {@code kc.sh start}: a start whose build-time options
     * ({@code --db}) match those of the last build starts at once, any other builds first. {@code --cache} is a
     * run-time option, which the build ignores (and says so): one node, no cluster to discover.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local");
    /** Beside the distribution's zip: the copy that {@link KeycloakBuild} unpacked and built. */
    static final String PREBUILT = "prebuilt";
    /** In a built copy: the options it was built with, written once the build succeeded. */
    static final String BUILT_MARKER = ".built";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("PRIVACY_KEYCLOAK_READY_TIMEOUT_SECONDS", "400")));

    private final int port;
    private final LocalSecrets secrets;
    private final Path log;
    private final Process process;

    private KeycloakServer(int port, LocalSecrets secrets, Path log, Process process) {
        this.port = port;
        this.secrets = secrets;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts Keycloak and returns at once: its first start takes a while (it creates its store and imports the realm,
     * and builds itself first when the Maven build could not), so the stack starts the rest meanwhile and calls
     * {@link #awaitReady()} last.
     */
    public static KeycloakServer launch(Path distZip, Path realmFile, Path home, int port, LocalSecrets secrets, Path log) {
        Path java = Jdks.javaOfAtLeast(JAVA_NEEDED);
        if (!Files.exists(distZip)) {
            throw new IllegalStateException(distZip + " is missing: build the suite first (./mvnw install -DskipTests)");
        }
        try {
            Path dist = unpack(distZip, home);
            adoptPrebuild(distZip, dist);
            writeRealm(realmFile, dist.resolve("data/import/realm-" + REALM + ".json"));
            Files.createDirectories(log.getParent());
            // At a lower priority: its start is the longest and nothing waits for it until the first token, while
            // the broker's and the services' starts share the same cores (docs/performance.md "The local stack's
            // start"). The services fetch its keys at the first token they check. Plain HTTP on the loopback only, as
            // the development mode this replaced gave; the issuer follows the request.
            ProcessBuilder builder = kc(dist, java, 10, "start", List.of("--import-realm", "--http-enabled=true",
                    "--hostname-strict=false", "--http-host=127.0.0.1", "--http-port=" + port));
            Map<String, String> env = builder.environment();
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword());
            env.put("PRIVACY_SCRIPTS_CLIENT_SECRET", secrets.scriptsClientSecret());
            env.put("PRIVACY_CONTROLLER_PASSWORD", secrets.controllerPassword());
            env.put("PRIVACY_AUDITOR_PASSWORD", secrets.auditorPassword());
            // The console on this machine, on whatever port its stack gives it (8085 locally, others in the tests).
            env.put("PRIVACY_CONSOLE_REDIRECT_URI", "http://127.0.0.1:*");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new KeycloakServer(port, secrets, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /** The issuer of the realm's tokens: what the services check {@code iss} against. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The realm's published keys (JWKS), which the services verify signatures against. */
    public String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Password of Keycloak's {@code admin} user (master realm): for the admin console, and the key rotation test. */
    public String adminPassword() {
        return secrets.keycloakAdminPassword();
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public ControllerTokens tokens() {
        return new ControllerTokens(realmUrl(), secrets);
    }

    /** Waits until the realm answers (it is imported before Keycloak listens); fails with the end of its log. */
    public void awaitReady() {
        if (!Readiness.await(process, URI.create(realmUrl() + "/.well-known/openid-configuration"), READY_TIMEOUT,
                Duration.ofSeconds(1), "Keycloak", () -> ":\n" + logTail())) {
            throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + " (log " + log + "):\n" + logTail());
        }
    }

    /** SIGTERM to kc.sh, which passes it on to Keycloak; both forced if they do not stop in time. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private String logTail() {
        return ChildProcesses.logTail(log);
    }

    /** Unpacks the distribution under {@code home} once (its top folder, keycloak-VERSION); a marker says it is whole. */
    static Path unpack(Path distZip, Path home) throws IOException {
        try (ZipFile zip = new ZipFile(distZip.toFile())) {
            String top = zip.entries().nextElement().getName().split("/")[0];
            Path dist = home.resolve(top).normalize();
            Path marker = dist.resolve(".unpacked");
            if (Files.exists(marker)) {
                return dist;
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(dist)) {
                    throw new IOException("unexpected entry " + entry.getName() + " in " + distZip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(marker, distZip.getFileName().toString());
            return dist;
        }
    }

    /**
     * Gives a new copy of the distribution the build {@link KeycloakBuild} made beside its zip (the four files of
     * lib/quarkus), once per copy. Without one, or with one made for other options, Keycloak builds at its start.
     */
    static void adoptPrebuild(Path distZip, Path dist) throws IOException {
        Path prebuilt = distZip.toAbsolutePath().resolveSibling(PREBUILT).resolve(dist.getFileName());
        Path adopted = dist.resolve(".prebuild-adopted");
        if (Files.exists(adopted) || !builtForTheOptions(prebuilt)) {
            return;
        }
        Path from = prebuilt.resolve("lib/quarkus");
        Path to = dist.resolve("lib/quarkus");
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(adopted, prebuilt.toString());
    }

    /** Whether {@code dist} holds a finished build for {@link #BUILD_OPTIONS} (its marker, written last). */
    static boolean builtForTheOptions(Path dist) throws IOException {
        Path marker = dist.resolve(BUILT_MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).equals(String.join(" ", BUILD_OPTIONS));
    }

    /**
     * {@code kc.sh <command>} of {@code dist} with {@link #BUILD_OPTIONS} and {@code more}, at {@code nice -n niceness},
     * on the JDK of {@code java}, with C1 only (a short-lived or start-up-bound JVM on these 2-core machines).
     */
    static ProcessBuilder kc(Path dist, Path java, int niceness, String command, List<String> more) {
        List<String> line = new ArrayList<>(List.of("nice", "-n", String.valueOf(niceness), "bash",
                dist.resolve("bin/kc.sh").toString(), command));
        line.addAll(BUILD_OPTIONS);
        line.addAll(more);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return builder;
    }

    /**
     * The realm file as the local stack imports it: as committed, except that the console client also allows the
     * password grant, so that deploy/local/controller-token can sign in as the auditor (never in a deployment), and
     * brute-force detection is off: the end-to-end tests sign the auditor in from several classes at once, and
     * Keycloak's detector then locked the account ("user_temporarily_disabled") without any wrong password.
     */
    @SuppressWarnings("unchecked")
    static void writeRealm(Path realmFile, Path target) throws IOException {
        try {
            Map<String, Object> realm = JsonUtil.parseJson(Files.readString(realmFile));
            realm.remove("bruteForceProtected"); // jose4j's map refuses to overwrite a key
            realm.put("bruteForceProtected", false);
            for (Object client : (List<Object>) realm.get("clients")) {
                Map<String, Object> c = (Map<String, Object>) client;
                if (ControllerTokens.CONSOLE_CLIENT.equals(c.get("clientId"))) {
                    c.remove("directAccessGrantsEnabled"); // jose4j's map refuses to overwrite a key
                    c.put("directAccessGrantsEnabled", true);
                }
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, JsonUtil.toJson(realm));
        } catch (JoseException e) {
            throw new IOException(realmFile + " is not valid JSON", e);
        }
    }
}
