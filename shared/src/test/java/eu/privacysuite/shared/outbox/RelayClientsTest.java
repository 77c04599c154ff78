package eu.privacysuite.shared.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class RelayClientsTest {

    private static final Map<String, Object> KAFKA = Map.of(
            "bootstrap.servers", "kafka-0:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/ca.p12",
            "auto.offset.reset", "earliest",
            "group.id", "contact-service");

    @Test
    void theRelayProducerTakesTheSuitesConnectionAndSecuritySettingsButNotTheConsumersOwn() {
        Map<String, Object> producer = new RelayClients(KAFKA).only(ProducerConfig.configNames());
        assertEquals(Map.of(
                "bootstrap.servers", "kafka-0:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12"), producer);
    }

    @Test
    void theRelayAdminClientTakesTheSameSecuritySettings() {
        Map<String, Object> admin = new RelayClients(KAFKA).only(AdminClientConfig.configNames());
        assertEquals("SASL_SSL", admin.get("security.protocol"));
        assertEquals("/etc/kafka/ca.p12", admin.get("ssl.truststore.location"));
        assertEquals(null, admin.get("group.id"));
    }
}
