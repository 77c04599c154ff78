package eu.privacysuite.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a service the local stack starts. By default quick start-up for a developer (C1 only, a
 * roomy heap); with PRIVACY_JVM=production the suite's production settings, read from
 * deploy/jvm/production.options (the one place they are written, docs/decisions/0034), the mode to benchmark.
 * Either way the service's AOT cache (target/quarkus-app/app.aot, built by -Paot) is used when the JVM can
 * use it: JDK 25 or later, with the object header layout it was trained with (docs/decisions/0035).
 */
final class ServiceJvm {

    static final String MODE_VARIABLE = "PRIVACY_JVM";
    static final String PRODUCTION = "production";
    /** Relative to the repository root. */
    static final String PRODUCTION_OPTIONS = "deploy/jvm/production.options";

    private static final List<String> QUICK_START = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-Dvertx.disableURIValidation=true");

    private ServiceJvm() {
    }

    /** The options for the service whose Quarkus build is {@code jar} (see {@link StackSettings#serviceJar}). */
    static List<String> options(Path jar) {
        return options(jar, System.getenv(MODE_VARIABLE), Runtime.version().feature());
    }

    static List<String> options(Path jar, String mode, int javaFeature) {
        List<String> options = new ArrayList<>();
        Path aotCache = jar.toAbsolutePath().resolveSibling("app.aot");
        boolean aot = javaFeature >= 25 && Files.isRegularFile(aotCache);
        if (mode == null || mode.isBlank()) {
            options.addAll(QUICK_START);
            if (aot) {
                options.add("-XX:+UseCompactObjectHeaders"); // as in the cache's training run
            }
        } else if (PRODUCTION.equals(mode)) {
            Path file = repositoryOf(jar).resolve(PRODUCTION_OPTIONS);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: " + MODE_VARIABLE + "=production reads it");
            }
            if (javaFeature < 25) {
                throw new IllegalStateException(MODE_VARIABLE + "=production needs JDK 25 or later (its options"
                        + " use compact object headers); this is JDK " + javaFeature + ": deploy/local/run finds one");
            }
            options.add("@" + file);
        } else {
            throw new IllegalArgumentException(MODE_VARIABLE + " is \"" + mode + "\": either unset or \"production\"");
        }
        if (aot) {
            options.add("-XX:AOTCache=" + aotCache);
        }
        return options;
    }

    /** {@code <repository>/<module>/target/quarkus-app/quarkus-run.jar}, as {@link StackSettings#serviceJar} builds it. */
    private static Path repositoryOf(Path jar) {
        return jar.toAbsolutePath().normalize().getParent().getParent().getParent().getParent();
    }
}
