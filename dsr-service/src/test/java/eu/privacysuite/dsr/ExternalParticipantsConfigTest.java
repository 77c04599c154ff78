package eu.privacysuite.dsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.dsr.config.ExternalConfig;
import eu.privacysuite.dsr.service.ExternalParticipants;
import eu.privacysuite.shared.events.DsrAction;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A bad external participant stops dsr-service at start-up, naming the property; a good one is taken. */
class ExternalParticipantsConfigTest {

    private static final String KEY = "a-signing-key-of-at-least-32-characters";

    @Test
    void aGoodParticipantIsTakenForItsRightsOnly() {
        ExternalParticipants participants = participants(Map.of(
                "dsr.external.participants.crm.rights", "ERASURE,ACCESS",
                "dsr.external.participants.crm.endpoint", "https://crm.example.org/dsr",
                "dsr.external.participants.crm.signing-key", KEY));
        assertEquals(List.of("crm"), participants.taking(DsrAction.ERASURE));
        assertEquals(List.of(), participants.taking(DsrAction.RESTRICTION));
        assertEquals(Duration.ofDays(2), participants.named("crm").orElseThrow().answerWithin());
    }

    @Test
    void aBadParticipantStopsTheStartNamingTheProperty() {
        assertRefused("endpoint", Map.of("dsr.external.participants.crm.endpoint", "http://crm.example.org/dsr"));
        assertRefused("signing-key", Map.of("dsr.external.participants.crm.signing-key", "short"));
        assertRefused("rights", Map.of("dsr.external.participants.crm.format", "OPENDSR",
                "dsr.external.participants.crm.answers", "CALLBACK",
                "dsr.external.participants.crm.rights", "ERASURE,RECTIFICATION"));
        assertRefused("answers", Map.of("dsr.external.participants.crm.format", "OPENDSR"));
        assertRefused("rights", Map.of("dsr.external.participants.crm.rights", "BREACH_SCOPE"));
    }

    @Test
    void aSuiteParticipantsNameIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> participants(Map.of(
                "dsr.external.participants.contact-service.rights", "ERASURE",
                "dsr.external.participants.contact-service.endpoint", "https://crm.example.org/dsr",
                "dsr.external.participants.contact-service.signing-key", KEY)));
        assertTrue(e.getMessage().contains("contact-service"), e.getMessage());
    }

    private static void assertRefused(String property, Map<String, String> override) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "dsr.external.participants.crm.rights", "ERASURE",
                "dsr.external.participants.crm.endpoint", "https://crm.example.org/dsr",
                "dsr.external.participants.crm.signing-key", KEY));
        config.putAll(override);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> participants(config));
        assertTrue(e.getMessage().contains("dsr.external.participants.crm") && e.getMessage().contains(property),
                e.getMessage());
    }

    private static ExternalParticipants participants(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ExternalConfig.class).withMapping(DsrConfig.class)
                // Quarkus's own reading of "1s", as the running service reads it.
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 500)).build();
        return new ExternalParticipants(config.getConfigMapping(ExternalConfig.class),
                config.getConfigMapping(DsrConfig.class));
    }

}
