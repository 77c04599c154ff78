package eu.privacysuite.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given major version for a child process that needs a newer Java than the one running
 * the stack (Keycloak needs 21). Looks, in this order, at JAVA25_HOME, JAVA21_HOME, Temurin 25 where these machines
 * install it, then any JDK under /usr/lib/jvm; a JDK's major version is read from its {@code release} file.
 */
public final class Jdks {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /** The {@code java} executable of a JDK of major version {@code minimum} or newer; fails naming what it looked at. */
    public static Path javaOfAtLeast(int minimum) {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("JAVA25_HOME", "JAVA21_HOME")) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                candidates.add(Path.of(home));
            }
        }
        candidates.add(TEMURIN_25);
        candidates.add(Path.of(System.getProperty("java.home")));
        if (Files.isDirectory(JVM_DIR)) {
            try (Stream<Path> homes = Files.list(JVM_DIR)) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + JVM_DIR, e);
            }
        }
        return candidates.stream()
                .filter(home -> major(home).orElse(0) >= minimum && Files.isExecutable(home.resolve("bin/java")))
                .findFirst()
                .map(home -> home.resolve("bin/java"))
                .orElseThrow(() -> new IllegalStateException("no Java " + minimum + " or newer found: set JAVA25_HOME or"
                        + " JAVA21_HOME to a JDK " + minimum + "+, or install one under " + JVM_DIR + " (e.g. Temurin 25 at "
                        + TEMURIN_25 + "). Looked at: " + candidates));
    }

    /** The major version of the JDK at {@code home}, from its {@code release} file's JAVA_VERSION ("25.0.3", "1.8.0_1"). */
    static Optional<Integer> major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return Optional.of(first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
