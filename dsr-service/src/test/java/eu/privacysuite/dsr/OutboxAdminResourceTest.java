package eu.privacysuite.dsr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import eu.privacysuite.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "dsr_test"))
@QuarkusTestResource(TestTokens.class)
class OutboxAdminResourceTest {

    @Inject
    Outbox outbox;

    @Inject
    EventCodec codec;

    @Test
    void anEventForATopicTheBrokerDoesNotKnowIsParkedListedAndRequeuedByAControllerOnceTheTopicExists() {
        String topic = "relay-admin-test." + UUID.randomUUID();
        EventEnvelope event = codec.envelope("relay-test", UUID.randomUUID().toString(), "some-key", Map.of());
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "some-key", event));

        long id = awaitParked(event.eventId());
        given().auth().oauth2(TestTokens.auditor()).get("/api/admin/outbox/parked").then().statusCode(200)
                .body("find { it.eventId == '" + event.eventId() + "' }.reason", startsWith("UnknownTopicOrPartition"))
                .body("find { it.eventId == '" + event.eventId() + "' }.topic", equalTo(topic))
                .body(not(hasItem("some-key")));
        given().post("/api/admin/outbox/parked/" + id + "/requeue").then().statusCode(401);
        given().auth().oauth2(TestTokens.auditor()).post("/api/admin/outbox/parked/" + id + "/requeue")
                .then().statusCode(403);

        createTopic(topic);
        given().auth().oauth2(TestTokens.controller()).post("/api/admin/outbox/parked/" + id + "/requeue")
                .then().statusCode(200).body("requeued", equalTo(1));
        new TopicProbe(SuitePlatformResource.bootstrapServers())
                .await(topic, r -> r.value().contains(event.eventId().toString()), Duration.ofSeconds(30));
        given().auth().oauth2(TestTokens.controller()).post("/api/admin/outbox/parked/" + id + "/requeue")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static long awaitParked(UUID eventId) {
        Map<String, Object> row = org.awaitility.Awaitility.await("event " + eventId + " is parked")
                .atMost(Duration.ofSeconds(30)).until(() -> JsonPath.from(given().auth().oauth2(TestTokens.controller())
                        .get("/api/admin/outbox/parked").asString()).<Map<String, Object>>getList("").stream()
                        .filter(r -> eventId.toString().equals(r.get("eventId"))).findFirst(), Optional::isPresent).get();
        return ((Number) row.get("id")).longValue();
    }

    private static void createTopic(String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                SuitePlatformResource.bootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
