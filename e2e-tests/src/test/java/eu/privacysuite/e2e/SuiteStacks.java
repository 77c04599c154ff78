package eu.privacysuite.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;

/** Starts the built suite for one end-to-end test class, on fresh data and databases. */
final class SuiteStacks {

    private SuiteStacks() {
    }

    /**
     * A stack with its data in {@code e2e-tests/target/<name>} (emptied first) and its ports {@code portOffset} above
     * {@code PRIVACY_E2E_PORT_BASE} (18080), so that one test class never waits for another's sockets.
     */
    static LocalStack start(String name, int portOffset, String databasePrefix, Map<String, String> environment)
            throws IOException {
        Path repo = Path.of(System.getProperty("privacy.repo", "..")).toAbsolutePath().normalize();
        Path data = repo.resolve("e2e-tests/target/" + name);
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_E2E_PORT_BASE", "18080")) + portOffset;
        return LocalStack.start(new StackSettings(repo, data, 0, 0, portBase, databasePrefix, true, environment));
    }
}
