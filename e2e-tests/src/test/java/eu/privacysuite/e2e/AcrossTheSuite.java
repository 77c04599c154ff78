package eu.privacysuite.e2e;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import eu.privacysuite.localstack.LocalStack;
import eu.privacysuite.localstack.StackSettings;
import eu.privacysuite.localstack.SuiteService;
import eu.privacysuite.testing.SuitePlatformResource;

/**
 * An end-to-end class. Most classes run on the run's one shared stack ({@link SharedSuite}): they look only at their
 * own subjects and records, so they may run side by side on it (junit-platform.properties). A class that needs a
 * schedule of its own or kills a service names a stack of its own, started on fresh data and databases for the class
 * and stopped after it. Every stack's services trust the run's one Keycloak ({@link SuiteKeycloak}) and get their
 * tokens from it.
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

    /** The run's shared stack: every service, the default schedule, started by the first class that needs it. */
    AcrossTheSuite() {
        this(null, 0, SharedSuite.PREFIX, Map.of());
    }

    /**
     * A stack of the class's own, with its data in {@code e2e-tests/target/<name>} (emptied first), its ports {@code portOffset} above
     * {@code PRIVACY_E2E_PORT_BASE} (18080) and its databases named {@code prefix} + service.
     */
    AcrossTheSuite(String name, int portOffset, String prefix, Map<String, String> environment) {
        this.name = name;
        this.portOffset = portOffset;
        this.environment = environment;
        this.prefix = SuitePlatformResource.databasePrefix() + prefix;
    }

    @BeforeAll
    void startTheSuite() {
        if (name == null) {
            stack = SharedSuite.started();
            db = new SuiteDatabases(stack.databases());
            http = new SuiteHttp(stack);
            return;
        }
        Path repo = Path.of(System.getProperty("privacy.repo", "..")).toAbsolutePath().normalize();
        Path data = repo.resolve("e2e-tests/target/" + name);
        SharedSuite.emptied(data);
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
        if (stack != null && name != null) {
            stack.close();
        }
    }
}
