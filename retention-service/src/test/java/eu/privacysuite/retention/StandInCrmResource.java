package eu.privacysuite.retention;

import java.util.HashMap;
import java.util.Map;

import eu.privacysuite.platform.LocalDatabases;
import eu.privacysuite.platform.StandInCrm;
import eu.privacysuite.testing.SuitePlatformResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import eu.privacysuite.platform.FreePorts;

/**
 * Starts the stand-in CRM (a real Vert.x server with its own database, local-platform) and configures retention-service
 * with it as the external system {@code crm} that takes purge orders at its {@code /purge}. retention-service listens
 * on a port chosen here, so that the report URL it sends is one the CRM can reach.
 */
public class StandInCrmResource implements QuarkusTestResourceLifecycleManager {

    /** The key of the system crm in the test profile (application.properties): the CRM signs with it. */
    static final String CRM_KEY = "test-crm-key-0123456789abcdefghijklmnop";
    static volatile StandInCrm crm;
    static volatile int httpPort;

    @Override
    public Map<String, String> start() {
        crm = StandInCrm.start(LocalDatabases.fromEnvironment(), SuitePlatformResource.databasePrefix()
                + "crm_retention_test", CRM_KEY, 0);
        httpPort = FreePorts.next();
        String crmSystem = "privacy.retention.external.systems.crm.";
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(httpPort));
        config.put("privacy.retention.external.report-base", "http://127.0.0.1:" + httpPort);
        config.put(crmSystem + "purge-endpoint", crm.purgeEndpoint());
        config.put(crmSystem + "timeout", "PT3S");
        // A fault is retried soon in the tests: the outage test counts retries in seconds, not minutes.
        config.put("privacy.retention.external.retry-backoff-min", "PT0.5S");
        config.put("privacy.retention.external.retry-backoff-max", "PT2S");
        config.put("privacy.retention.external.send-interval", "1s");
        // The CRM reports within a second; an order it took waits this long for the report before it is sent again.
        config.put("privacy.retention.report-timeout", "PT30S");
        return config;
    }

    @Override
    public void stop() {
        if (crm != null) {
            crm.close();
            crm = null;
        }
    }

}
