package eu.privacysuite.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;

import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.testing.SuitePlatformResource;

/**
 * The one stack that the end-to-end classes share: every service, started by the first class that asks and stopped
 * when the test JVM exits, on data in e2e-tests/target/e2e-shared (emptied first) and databases prefixed
 * {@value #PREFIX}, on ports from {@code PRIVACY_E2E_PORT_BASE} (18080). The classes on it run at the same time, so
 * each looks only at its own subjects and records. The services fetch the realm's keys every minute (10 by default),
 * which {@link KeyRotationIT} waits for. contact-service sweeps holds and tokens every {@value #CONTACT_SWEEP_INTERVAL}
 * (10 minutes by default), so that {@link TwoReplicasIT} sees its once-per-period runs in seconds; with the policy's
 * confirmation and hold periods (days) the sweep finds nothing of the other classes' to delete.
 */
final class SharedSuite {

    static final String PREFIX = "e2e_";
    static final String CONTACT_SWEEP_INTERVAL = "2S";
    private static final Map<String, String> ENVIRONMENT = Map.of("PRIVACY_JWKS_REFRESH_MINUTES", "1",
            "CONTACT_SWEEP_INTERVAL", CONTACT_SWEEP_INTERVAL);
    private static LocalStack stack;
    /** Why the stack did not start: the classes after the first fail with it instead of starting it again. */
    private static RuntimeException failure;

    private SharedSuite() {
    }

    static synchronized LocalStack started() {
        if (failure != null) {
            throw new IllegalStateException("the shared stack did not start", failure);
        }
        if (stack == null) {
            Path repo = Path.of(System.getProperty("privacy.repo", "..")).toAbsolutePath().normalize();
            Path data = repo.resolve("e2e-tests/target/e2e-shared");
            emptied(data);
            int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_E2E_PORT_BASE", "18080"));
            String prefix = SuitePlatformResource.databasePrefix() + PREFIX;
            try {
                stack = LocalStack.start(new StackSettings(repo, data, 0, 0, portBase, prefix, true, ENVIRONMENT),
                        SuiteKeycloak.launchedOnce(repo), EnumSet.allOf(SuiteService.class));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-shared-stack-stop"));
        }
        return stack;
    }

    /** Deletes a data directory left by an earlier run. */
    static void emptied(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
