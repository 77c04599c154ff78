package eu.privacysuite.dsr;

import java.util.HashMap;
import java.util.Map;

import eu.privacysuite.platform.LocalDatabases;
import eu.privacysuite.platform.StandInCrm;
import eu.privacysuite.testing.SuitePlatformResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import eu.privacysuite.platform.FreePorts;

/**
 * Starts the stand-in CRM (a real Vert.x server with its own database) and configures dsr-service with two
 * external participants on it: {@code crm} (erasure, access, portability; answers at once or by callback, as the
 * CRM chooses), {@code archive} (restriction; takes every command and never answers, 3 seconds allowed) and
 * {@code processor} (portability, in OpenDSR 1.0).
 * dsr-service listens on a port chosen here, so that the callback URL it sends is one the CRM can reach.
 */
public class StandInCrmResource implements QuarkusTestResourceLifecycleManager {

    static final String CRM_KEY = "crm-test-signing-key-0123456789abcdef";
    /** A key no participant has: what a forger signs with. */
    static final String OTHER_KEY = "another-signing-key-0123456789abcdef";
    static volatile StandInCrm crm;

    @Override
    public Map<String, String> start() {
        crm = StandInCrm.start(LocalDatabases.fromEnvironment(), SuitePlatformResource.databasePrefix() + "crm_test",
                CRM_KEY, 0);
        int httpPort = FreePorts.next();
        String p = "dsr.external.participants.";
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(httpPort));
        config.put("dsr.external.callback-base", "http://127.0.0.1:" + httpPort);
        config.put(p + "crm.rights", "ERASURE,ACCESS,PORTABILITY");
        config.put(p + "crm.endpoint", crm.endpoint());
        config.put(p + "crm.signing-key", CRM_KEY);
        config.put(p + "crm.answers", "CALLBACK");
        config.put(p + "crm.timeout", "PT5S");
        config.put(p + "crm.answer-within", "PT5M");
        config.put(p + "archive.rights", "RESTRICTION");
        config.put(p + "archive.endpoint", "http://127.0.0.1:" + crm.port() + "/silent");
        config.put(p + "archive.signing-key", CRM_KEY); // the same system, another endpoint
        config.put(p + "archive.answers", "CALLBACK");
        config.put(p + "archive.answer-within", "PT3S");
        config.put(p + "processor.rights", "PORTABILITY");
        config.put(p + "processor.endpoint", "http://127.0.0.1:" + crm.port() + "/opendsr");
        config.put(p + "processor.signing-key", CRM_KEY); // the same system, another endpoint
        config.put(p + "processor.answers", "CALLBACK");
        config.put(p + "processor.format", "OPENDSR");
        // A fault is retried soon in the tests: the outage test counts retries in seconds, not minutes.
        config.put("dsr.external.retry-backoff-min", "PT0.5S");
        config.put("dsr.external.retry-backoff-max", "PT2S");
        config.put("dsr.external.send-interval", "1s");
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
