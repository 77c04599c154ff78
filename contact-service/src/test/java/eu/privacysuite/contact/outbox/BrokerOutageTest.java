package eu.privacysuite.contact.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.ParkedEvents;
import eu.privacysuite.testing.Management;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;

/** The broker is stopped for real in the middle of traffic; the outbox holds what the service accepted. */
@QuarkusTest
@QuarkusTestResource(value = SuitePlatformResource.class, initArgs = @ResourceArg(name = "database", value = "contact_test"))
class BrokerOutageTest {

    private static final int REQUESTS_DURING_OUTAGE = 20;
    private static final int PROBE_TIMEOUT_MS = 5_000;
    private static final String NO_ANSWER = "no answer within the probe timeout";
    private static final Set<String> NOT_READY = Set.of("DOWN", NO_ANSWER);

    @Inject
    ParkedEvents outbox;

    @Test
    void whileTheBrokerIsDownContactRequestsAreAcceptedAndEveryEventIsPublishedWhenItIsBack() {
        List<String> accepted = new ArrayList<>();
        accepted.add(post()); // one before the outage, so that the relay's producer knows the topic
        SuitePlatformResource.stopBroker();
        try {
            for (int i = 0; i < REQUESTS_DURING_OUTAGE; i++) {
                accepted.add(post());
            }
            // Quarkus's broker check answers only after the admin client's default.api.timeout.ms (60 s) while the
            // broker is away; a Kubernetes probe that gets no answer within its timeout fails the same as a DOWN.
            OutboxRelayTest.awaitTrue(() -> NOT_READY.contains(readiness()), Duration.ofSeconds(90), "readiness goes DOWN");
            assertTrue(outbox.counts().pending() > 0, "the outbox holds the events of the outage");
        } finally {
            SuitePlatformResource.startBrokerAgain();
        }
        OutboxRelayTest.awaitTrue(() -> "UP".equals(readiness()), Duration.ofSeconds(90), "readiness comes back UP");

        TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
        Set<String> published = new HashSet<>();
        OutboxRelayTest.awaitTrue(() -> {
            bus.readAll(Topics.RETENTION_LIFECYCLE).forEach(r -> accepted.stream()
                    .filter(id -> r.value().contains(id)).forEach(published::add));
            return published.size() == accepted.size();
        }, Duration.ofSeconds(90), "every accepted request's clock event is published");
        assertEquals(accepted.size(), published.size());
    }

    private static String post() {
        UUID visitor = UUID.randomUUID();
        String body = """
                {"civility":"MS","firstName":"Ana","lastName":"Lopez","email":"ana+%s@example.fr","phone":"0553692200",
                 "postalAddress":"1 rue de la Paix, 75002 Paris","country":"FR","message":"Call me","visitorId":"%s"}
                """.formatted(visitor, visitor);
        // Each post from a client of its own (documentation range): the form's per-client rate limit stays out of it.
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "2001:db8::" + visitor.toString().substring(0, 4))
                .body(body).post("/api/contact-requests")
                .then().statusCode(201).extract().path("id");
    }

    /** The readiness status, or {@link #NO_ANSWER} when it takes longer than a generous probe timeout (5 s). */
    private static String readiness() {
        try {
            return Management.given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", PROBE_TIMEOUT_MS))).get("/q/health/ready").then().extract().path("status");
        } catch (Exception e) { // RestAssured rethrows the client's SocketTimeoutException unchecked
            if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
                return NO_ANSWER;
            }
            throw new IllegalStateException("readiness could not be read", e);
        }
    }
}
