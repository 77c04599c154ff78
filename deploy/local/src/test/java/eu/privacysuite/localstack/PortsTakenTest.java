package eu.privacysuite.localstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A stack refuses to start beside something holding its ports (a stack not yet stopped, whose Keycloak would answer
 * for the new one's with other passwords): it names what it would have used.
 */
class PortsTakenTest {

    @Test
    void aKeycloakPortHeldElsewhereIsNamed() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            int base = held.getLocalPort() - 90; // Keycloak listens 90 above the base
            StackSettings settings = new StackSettings(Path.of("."), Path.of("."), 0, 0, base, "", false, Map.of());
            String keycloak = "Keycloak " + held.getLocalPort();
            assertTrue(settings.portsTaken(EnumSet.allOf(SuiteService.class), true).contains(keycloak));
            assertFalse(settings.portsTaken(EnumSet.allOf(SuiteService.class), false).contains(keycloak),
                    "a stack that trusts a Keycloak started elsewhere does not check its port");
        }
    }
}
