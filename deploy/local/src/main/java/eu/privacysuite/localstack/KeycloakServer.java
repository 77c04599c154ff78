package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The suite's identity provider on this machine: Keycloak from Maven Central's keycloak-quarkus-dist, unpacked once
 * under the data directory and run as a child process ({@code kc.sh start-dev}: its file-based H2 store, plain HTTP
 * on 127.0.0.1) with a Java 21+ that {@link Jdks} finds. At its first start it imports the realm {@value #REALM}
 * from deploy/keycloak/realm-privacy.json; Keycloak fills the file's {@code ${...}} placeholders (client secret,
 * passwords) from the environment this class gives it, out of {@link LocalSecrets}. Later starts keep the realm.
 *
 * <p>Keycloak's first start on a fresh unpack builds itself (its Quarkus augmentation, {@code lib/quarkus}: about a
 * minute of CPU, longer than the start itself). That build depends only on the distribution and the dev profile, not
 * on the data directory, so it is kept once per machine in {@link #buildCache()} after a start that reached ready, and
 * copied into every later fresh unpack, which then starts without building (a fresh clone's end-to-end run, a new
 * data directory). Keycloak still rebuilds by itself if its build options differ from the copied ones.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "privacy";
    /** Written last into a kept build: a folder without it is not one. */
    static final String BUILD_MARKER = ".built";
    /** Keycloak 26 runs on Java 21 or newer. */
    static final int JAVA_NEEDED = 21;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("PRIVACY_KEYCLOAK_READY_TIMEOUT_SECONDS", "400")));

    private final int port;
    private final LocalSecrets secrets;
    private final Path log;
    private final Process process;
    /** The unpacked distribution this process runs from. */
    private final Path dist;

    private KeycloakServer(int port, LocalSecrets secrets, Path log, Process process, Path dist) {
        this.port = port;
        this.secrets = secrets;
        this.log = log;
        this.process = process;
        this.dist = dist;
    }

    /**
     * Starts Keycloak and returns at once: its first start takes a while (it builds itself for the dev profile and
     * imports the realm), so the stack starts the rest meanwhile and calls {@link #awaitReady()} last.
     */
    public static KeycloakServer launch(Path distZip, Path realmFile, Path home, int port, LocalSecrets secrets, Path log) {
        Path java = Jdks.javaOfAtLeast(JAVA_NEEDED);
        if (!Files.exists(distZip)) {
            throw new IllegalStateException(distZip + " is missing: build the suite first (./mvnw install -DskipTests)");
        }
        try {
            Path dist = unpack(distZip, home);
            writeRealm(realmFile, dist.resolve("data/import/realm-" + REALM + ".json"));
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", dist.resolve("bin/kc.sh").toString(),
                    "start-dev", "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", java.getParent().getParent().toString());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword());
            env.put("PRIVACY_SCRIPTS_CLIENT_SECRET", secrets.scriptsClientSecret());
            env.put("PRIVACY_CONTROLLER_PASSWORD", secrets.controllerPassword());
            env.put("PRIVACY_AUDITOR_PASSWORD", secrets.auditorPassword());
            // The console on this machine, on whatever port its stack gives it (8085 locally, others in the tests).
            env.put("PRIVACY_CONSOLE_REDIRECT_URI", "http://127.0.0.1:*");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new KeycloakServer(port, secrets, log, builder.start(), dist);
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
        keepBuild(dist, buildCache());
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
            copyBuild(buildCache().resolve(top), dist);
            Files.writeString(marker, distZip.getFileName().toString());
            return dist;
        }
    }

    /**
     * Where this machine keeps Keycloak's build, one folder per distribution: {@code PRIVACY_KEYCLOAK_BUILD_CACHE}, or
     * {@code $XDG_CACHE_HOME/privacy-suite/keycloak} ({@code ~/.cache/...}). Deleting it only costs the next start its
     * build.
     */
    static Path buildCache() {
        String set = System.getenv("PRIVACY_KEYCLOAK_BUILD_CACHE");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("privacy-suite/keycloak");
    }

    /** Copies a kept build (its {@code lib/quarkus} files) into a fresh unpack, when this machine has one. */
    static void copyBuild(Path kept, Path dist) throws IOException {
        if (!Files.exists(kept.resolve(BUILD_MARKER))) {
            return;
        }
        Path target = dist.resolve("lib/quarkus");
        Files.createDirectories(target);
        try (var files = Files.list(kept)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(BUILD_MARKER)).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Keeps the build of a Keycloak that reached ready, unless this machine already has one for the distribution:
     * written beside the cache and renamed into place, so a second run doing the same at once, or a run stopped
     * half-way, never leaves a partial build to copy. A failure to keep it only costs the next fresh start its build.
     */
    static void keepBuild(Path dist, Path cache) {
        Path kept = cache.resolve(dist.getFileName().toString());
        Path built = dist.resolve("lib/quarkus");
        if (Files.exists(kept.resolve(BUILD_MARKER)) || !Files.isDirectory(built)) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(kept.getParent());
            temporary = Files.createTempDirectory(kept.getParent(), kept.getFileName() + ".");
            try (var files = Files.list(built)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, temporary.resolve(file.getFileName().toString()));
                }
            }
            Files.writeString(temporary.resolve(BUILD_MARKER), dist.getFileName().toString());
            Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            // Another run kept it first (the target exists), or the cache is not writable: the next start builds.
        } finally {
            if (temporary != null) {
                deleteFlat(temporary);
            }
        }
    }

    /** Deletes a folder of plain files (a build being kept), as far as it can. */
    private static void deleteFlat(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Left behind in the cache's folder, where nothing reads it: only a folder with the marker is a build.
        }
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
