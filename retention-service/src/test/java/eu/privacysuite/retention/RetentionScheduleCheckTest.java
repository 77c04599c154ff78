package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.config.ExternalSystems;
import eu.privacysuite.retention.config.ExternalSystemsCheck;
import eu.privacysuite.retention.config.RetentionPeriod;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.config.RetentionScheduleCheck;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The schedule is configuration: a rule that cannot be applied stops the service with a message naming it. */
class RetentionScheduleCheckTest {

    @Test
    void thePolicyDefaultsAreComplete() throws IOException {
        assertEquals(List.of(), RetentionScheduleCheck.problems(schedule(defaults())));
    }

    @Test
    void aRuleWithoutItsPeriodIsRefusedNamingTheProperty() throws IOException {
        Map<String, String> properties = defaults();
        properties.remove("retention.categories.NEWSLETTER.keep");
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, () -> schedule(properties));
        assertTrue(refused.getMessage().contains("retention.categories.NEWSLETTER.keep"), refused.getMessage());
    }

    @Test
    void aDeletionCannotStartAClockAndAPeriodCannotBeNegative() throws IOException {
        Map<String, String> properties = defaults();
        properties.put("retention.categories.PROSPECT.starts-on", "COLLECTED,RECORD_DELETED");
        properties.put("retention.categories.SERVER_LOG.keep", "P-1M");
        List<String> problems = RetentionScheduleCheck.problems(schedule(properties));
        assertEquals(List.of(
                "retention.categories.PROSPECT.starts-on cannot contain RECORD_DELETED: a deletion ends a clock",
                "retention.categories.SERVER_LOG.keep must be a period of zero or more (e.g. P3Y, P13M, PT2M)"), problems);
    }

    @Test
    void anEmptyScheduleIsRefused() {
        List<String> problems = RetentionScheduleCheck.problems(schedule(Map.of()));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("retention.categories"));
    }

    @Test
    void theEnvironmentShortensARuleForADemonstration() throws IOException {
        RetentionSchedule schedule = new SmallRyeConfigBuilder().withMapping(RetentionSchedule.class)
                .withSources(new PropertiesConfigSource(defaults(), "test", 100))
                .withSources(new EnvConfigSource(Map.of("RETENTION_CATEGORIES_PROSPECT_KEEP", "PT2M"), 300)).build()
                .getConfigMapping(RetentionSchedule.class);
        assertEquals(RetentionPeriod.parse("PT2M"), schedule.categories().get("PROSPECT").keep());
        assertEquals(10, schedule.categories().size(), "no new category from the variable's name");
        assertEquals(List.of(), RetentionScheduleCheck.problems(schedule));
    }

    @Test
    void theClientPeriodsAreConfigurableEachOnItsOwn() throws IOException {
        RetentionSchedule schedule = new SmallRyeConfigBuilder().withMapping(RetentionSchedule.class)
                .withSources(new PropertiesConfigSource(defaults(), "test", 100))
                .withSources(new EnvConfigSource(Map.of("RETENTION_CATEGORIES_CLIENT_IDLE_KEEP", "P6Y"), 300)).build()
                .getConfigMapping(RetentionSchedule.class);
        assertEquals(RetentionPeriod.parse("P6Y"), schedule.categories().get("CLIENT_IDLE").keep());
        assertEquals(RetentionPeriod.parse("P10Y"), schedule.categories().get("CLIENT_ACCOUNTING").keep());
        assertEquals(RetentionPeriod.parse("P0D"), schedule.categories().get("CLIENT_ACTIVE").keep());
    }

    @Test
    void anExternalSystemMayFeedOnlyCategoriesItOwnsWithALongKey() throws IOException {
        Map<String, String> properties = defaults();
        properties.put("privacy.retention.external.systems.crm.signing-key", "0123456789abcdefghijklmnopqrstuvwxyz");
        properties.put("privacy.retention.external.systems.crm.categories", "CLIENT_IDLE,CLIENT_ACCOUNTING");
        assertEquals(List.of(), ExternalSystemsCheck.problems(schedule(properties), systems(properties)));

        properties.put("privacy.retention.external.systems.crm.categories", "CLIENT_IDLE,PROSPECT,CLIENTS");
        properties.put("privacy.retention.external.systems.Logs.signing-key", "short");
        properties.put("privacy.retention.external.systems.Logs.categories", "SERVER_LOG");
        assertEquals(List.of(
                "privacy.retention.external.systems.Logs.: the name must be lower-case letters, digits and dashes",
                "privacy.retention.external.systems.Logs.signing-key must be at least 32 characters",
                "privacy.retention.external.systems.Logs.categories: SERVER_LOG is owned by platform"
                        + " (retention.categories.SERVER_LOG.owner)",
                "privacy.retention.external.systems.crm.categories: PROSPECT is owned by contact-service"
                        + " (retention.categories.PROSPECT.owner)",
                "privacy.retention.external.systems.crm.categories: CLIENTS is not in the schedule"
                        + " (retention.categories)"),
                ExternalSystemsCheck.problems(schedule(properties), systems(properties)));
    }

    @Test
    void aSystemsPurgeEndpointTimeoutBackoffAndReportBaseAreCheckedNamingTheProperty() throws IOException {
        Map<String, String> properties = defaults();
        String crm = "privacy.retention.external.systems.crm.";
        properties.put(crm + "signing-key", "0123456789abcdefghijklmnopqrstuvwxyz");
        properties.put(crm + "categories", "CLIENT_IDLE");
        properties.put(crm + "purge-endpoint", "https://crm.example.org/privacy/purge");
        properties.put(crm + "timeout", "PT5S");
        properties.put("privacy.retention.external.report-base", "https://www.example.org/privacy-retention/");
        assertEquals(List.of(), ExternalSystemsCheck.problems(schedule(properties), systems(properties)));
        properties.put(crm + "purge-endpoint", "http://127.0.0.1:8157/purge");
        assertEquals(List.of(), ExternalSystemsCheck.problems(schedule(properties), systems(properties)),
                "plain HTTP to a loopback address: the tests and the local stack");

        properties.put(crm + "purge-endpoint", "http://crm.example.org/privacy/purge");
        properties.put(crm + "timeout", "PT0S");
        properties.put("privacy.retention.external.report-base", "/privacy-retention");
        properties.put("privacy.retention.external.retry-backoff-min", "PT1M");
        properties.put("privacy.retention.external.retry-backoff-max", "PT10S");
        properties.put("privacy.retention.external.send-interval", "-1s");
        assertEquals(List.of(
                crm + "purge-endpoint must be an https:// URL (plain http:// only to a loopback address)",
                crm + "timeout must be positive",
                "privacy.retention.external.report-base must be an absolute http(s):// URL without query or fragment",
                "privacy.retention.external.retry-backoff-max must not be shorter than retry-backoff-min",
                "privacy.retention.external.send-interval must be positive"),
                ExternalSystemsCheck.problems(schedule(properties), systems(properties)));

        properties.put(crm + "timeout", "ten seconds");
        ConfigValidationException unreadable = assertThrows(ConfigValidationException.class, () -> systems(properties));
        assertTrue(unreadable.getMessage().contains(crm + "timeout"), unreadable.getMessage());
    }

    private static ExternalSystems systems(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ExternalSystems.class)
                // Quarkus's own reading of "1s", as the running service reads it.
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(ExternalSystems.class);
    }

    private static RetentionSchedule schedule(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(RetentionSchedule.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(RetentionSchedule.class);
    }

    /** The retention rules exactly as application.properties ships them. */
    private static Map<String, String> defaults() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = RetentionScheduleCheckTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Map<String, String> rules = new HashMap<>();
        shipped.stringPropertyNames().stream().filter(n -> n.startsWith("retention."))
                .forEach(n -> rules.put(n, shipped.getProperty(n)));
        return rules;
    }
}
