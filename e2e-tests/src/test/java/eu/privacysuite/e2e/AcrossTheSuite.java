package eu.privacysuite.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.testing.SuitePlatformResource;

/**
 * An end-to-end class: the built suite started once for the class, on fresh data and databases of its own, and
 * stopped after it. Every class's services trust the run's one Keycloak ({@link SuiteKeycloak}) and get their tokens
 * from it. Each class has its own data directory, database prefix and ports, so classes may run side by
 * side (junit-platform.properties).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcrossTheSuite {

    private final String name;
    private final int portOffset;
    private final Map<String, String> environment;
    /** The prefix of this class's databases. */
    protected final String prefix;
    protected LocalStack stack;
    protected SuiteDatabases db;
    protected SuiteHttp http;

    /**
     * A stack with its data in {@code e2e-tests/target/<name>} (emptied first), its ports {@code portOffset} above
     * {@code PRIVACY_E2E_PORT_BASE} (18080) and its databases named {@code prefix} + service.
     */
    AcrossTheSuite(String name, int portOffset, String prefix, Map<String, String> environment) {
        this.name = name;
        this.portOffset = portOffset;
        this.environment = environment;
        this.prefix = SuitePlatformResource.databasePrefix() + prefix;
    }

    @BeforeAll
    void startTheSuite() throws IOException {
        Path repo = Path.of(System.getProperty("privacy.repo", "..")).toAbsolutePath().normalize();
        Path data = repo.resolve("e2e-tests/target/" + name);
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        int portBase = Integer.parseInt(System.getenv().getOrDefault("PRIVACY_E2E_PORT_BASE", "18080")) + portOffset;
        stack = LocalStack.start(new StackSettings(repo, data, 0, 0, portBase, prefix, true, environment),
                SuiteKeycloak.launchedOnce(repo), services());
        db = new SuiteDatabases(stack.databases());
        http = new SuiteHttp(stack);
    }

    /** The services this class needs: all of them, unless a class says otherwise. */
    Set<SuiteService> services() {
        return EnumSet.allOf(SuiteService.class);
    }

    @AfterAll
    void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }
}
