package eu.privacysuite.contact.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

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

    @Inject
    DataSource dataSource;

    @Test
    void whileTheBrokerIsDownContactRequestsAreAcceptedAndEveryEventIsPublishedWhenItIsBack() {
        List<String> accepted = new ArrayList<>();
        accepted.add(post()); // one before the outage, so that the relay's producer knows the topic
        SuitePlatformResource.stopBroker();
        LongestTransaction longest = new LongestTransaction(dataSource);
        try {
            for (int i = 0; i < REQUESTS_DURING_OUTAGE; i++) {
                accepted.add(post());
            }
            // Quarkus's broker check answers only after the admin client's default.api.timeout.ms (60 s) while the
            // broker is away; a Kubernetes probe that gets no answer within its timeout fails the same as a DOWN.
            OutboxRelayTest.awaitTrue(() -> NOT_READY.contains(readiness()), Duration.ofSeconds(90), "readiness goes DOWN");
            assertTrue(outbox.counts().pending() > 0, "the outbox holds the events of the outage");
        } finally {
            longest.stop();
            SuitePlatformResource.startBrokerAgain();
        }
        // The relay sends with no transaction open (decision 0050): waiting on an absent broker (up to the
        // producer's delivery timeout, 25 s, per round) holds no transaction, no connection and no row lock.
        assertTrue(longest.millis() < 2_000, "no transaction stays open while the broker is away; the longest: "
                + longest.millis() + " ms, " + longest.what());
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

    /** Samples the service database's oldest open transaction every 100 ms until stopped. */
    private static final class LongestTransaction {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Long> millis = new AtomicReference<>(0L);
        private final AtomicReference<String> what = new AtomicReference<>("none");
        private final Thread sampler;

        LongestTransaction(DataSource dataSource) {
            sampler = new Thread(() -> sample(dataSource), "longest-transaction");
            sampler.start();
        }

        private void sample(DataSource dataSource) {
            String sql = "select (extract(epoch from clock_timestamp() - xact_start) * 1000)::bigint, state || ': ' || query"
                    + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                    + " and xact_start is not null order by xact_start limit 1";
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                while (running.get()) {
                    try (ResultSet r = s.executeQuery(sql)) {
                        if (r.next() && r.getLong(1) > millis.get()) {
                            millis.set(r.getLong(1));
                            what.set(r.getString(2));
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException e) {
                what.set("sampling failed: " + e.getMessage());
                millis.set(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            running.set(false);
            try {
                sampler.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long millis() {
            return millis.get();
        }

        String what() {
            return what.get();
        }
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
