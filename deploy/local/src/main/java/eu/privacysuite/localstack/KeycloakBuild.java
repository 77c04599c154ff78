package eu.privacysuite.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by the Maven build of this module (its {@code package} phase): unpacks Keycloak's distribution into
 * {@code target/keycloak/prebuilt} and runs {@code kc.sh build} there with {@link KeycloakServer#BUILD_OPTIONS},
 * once per distribution and options. Each copy that {@link KeycloakServer} unpacks for a stack then takes that build
 * and starts without building: the local stack's first start, and the end-to-end run's Keycloak, which otherwise
 * built itself while a dozen services started beside it (docs/performance.md, "Keycloak built once").
 *
 * <p>Keycloak needs Java 21 or newer. Without one this build says so and leaves Keycloak to build at its first
 * start, which then fails and says where it looked ({@link Jdks}).
 */
public final class KeycloakBuild {

    private static final long TIMEOUT_MINUTES = 10;

    private KeycloakBuild() {
    }

    /** Arguments: the distribution's zip, and the directory to build into (target/keycloak/prebuilt). */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KeycloakBuild <keycloak-quarkus-dist.zip> <directory>");
        }
        Path distZip = Path.of(args[0]);
        Path into = Path.of(args[1]);
        Path java;
        try {
            java = Jdks.javaOfAtLeast(KeycloakServer.JAVA_NEEDED);
        } catch (IllegalStateException e) {
            System.out.println("[keycloak build] skipped, Keycloak will build at its first start: " + e.getMessage());
            return;
        }
        Path dist = KeycloakServer.unpack(distZip, into);
        String options = String.join(" ", KeycloakServer.BUILD_OPTIONS);
        if (KeycloakServer.builtForTheOptions(dist)) {
            System.out.println("[keycloak build] " + dist + " is already built for " + options);
            return;
        }
        Path marker = dist.resolve(KeycloakServer.BUILT_MARKER);
        Files.deleteIfExists(marker);
        Path log = into.resolve("build.log");
        // At the lowest priority: in a parallel build it runs beside the four services' tests, and takes the CPU they leave.
        ProcessBuilder builder = KeycloakServer.kc(dist, java, 19, "build", List.of());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("kc.sh build did not end within " + TIMEOUT_MINUTES + " minutes (log " + log + ")");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with exit code " + process.exitValue() + " (log " + log
                    + "):\n" + ChildProcesses.logTail(log));
        }
        Files.writeString(marker, options);
        System.out.printf("[keycloak build] %s built for %s in %.1f s%n", dist, options, (System.nanoTime() - started) / 1e9);
    }
}
