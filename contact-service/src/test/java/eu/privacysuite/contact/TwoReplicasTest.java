package eu.privacysuite.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.contact.domain.ContactRequest;
import eu.privacysuite.contact.service.ClientRateLimiter;
import eu.privacysuite.contact.service.HoldsAndTokensSweeper;
import eu.privacysuite.shared.scheduling.JobLock;
import eu.privacysuite.testing.DisposableDatabaseResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * What two replicas of contact-service share. The contact form's rate limit holds across replicas: 20 posts per
 * client per window in total, whichever replica takes them. Replica 1 is this service over HTTP. Replica 2 is a
 * second {@link ClientRateLimiter}, the class the service runs, built as the service builds it but on connections
 * of its own to the same database, as another JVM would be; the allowance is shared only through the database.
 * While the database is down the limit refuses (it throws a fault to retry, it never allows) and a post gets 503
 * with Retry-After, not a 500. The holds-and-tokens sweep runs on one replica at a time: while another replica's
 * sweep holds the job (its transaction, on connections of its own), this one's skips. A scheduled job runs once per
 * period across replicas: of two holders within one period one runs and one skips, and after the period it runs again.
 */
@QuarkusTest
@TestProfile(PurgeDuringDatabaseOutageTest.OwnDatabase.class)
class TwoReplicasTest {

    @Inject
    ContactConfig config;
    @Inject
    HoldsAndTokensSweeper sweeper;
    @Inject
    JobLock jobLock;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "privacy.subject.pepper")
    String pepper;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    @Test
    void twoReplicasTakingPostsAtOnceAllowTwentyInTotalThenBothRefuse() throws Exception {
        assertEquals(20, config.rateLimit().requests(), "the policy's allowance");
        ClientRateLimiter replica2 = secondReplica();
        String client = "2001:db8:cafe::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // 15 posts to each replica at the same moment: 30 tries for an allowance of 20.
            Future<Integer> byHttp = pool.submit(countAllowed(start, () -> post(client) == 201));
            Future<Integer> byReplica2 = pool.submit(countAllowed(start, () -> replica2.tryAcquire(client).isEmpty()));
            start.countDown();
            int allowed1 = byHttp.get();
            int allowed2 = byReplica2.get();
            assertEquals(20, allowed1 + allowed2, "allowed by replica 1: " + allowed1 + ", by replica 2: " + allowed2);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(429, post(client), "replica 1 refuses the 31st");
        OptionalLong retryAfter = replica2.tryAcquire(client);
        assertTrue(retryAfter.isPresent() && retryAfter.getAsLong() > 0, "replica 2 refuses too, with a wait");
        assertEquals(201, post("2001:db8:beef::1"), "another client has an allowance of its own");
    }

    @Test
    void whileTheDatabaseIsDownTheLimitRefusesAndAPostIs503WithRetryAfter() {
        String client = "2001:db8:dead::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        ClientRateLimiter replica2 = secondReplica();
        DisposableDatabaseResource.postgres().stop();
        try {
            // The limit fails closed: no answer from the database is no allowance, and the fault is one to retry.
            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> replica2.tryAcquire(client));
            assertTrue(eu.privacysuite.shared.problem.DatabaseFaults.isTransient(refused), refused.toString());
            given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                    .body(Api.form(Api.uniqueEmail("outage"), "Jeanne", null, null)).post("/api/contact-requests")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
        } finally {
            DisposableDatabaseResource.postgres().startServer();
        }
        org.awaitility.Awaitility.await("the form works again once the database is back")
                .atMost(java.time.Duration.ofSeconds(60)).until(() -> post(client) == 201);
    }

    @Test
    void theSweepRunsOnOneReplicaAtATime() throws Exception {
        String id = Api.send(MinorsTest.minorForm(Api.uniqueEmail("kid"), Api.uniqueEmail("parent"), null))
                .then().statusCode(201).extract().path("id");
        Api.sql("update contact_request set hold_expires_at = now() - interval '1 minute' where id = cast(?1 as uuid)", id);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherReplica = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> otherHeld = otherReplica.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean got = jobLock.tryHold(HoldsAndTokensSweeper.JOB);
                held.countDown();
                release.await();
                return got;
            }));
            held.await();
            sweeper.sweep();
            assertNotNull(Api.find(ContactRequest.class, java.util.UUID.fromString(id)),
                    "this replica skipped: the other one holds the sweep");
            release.countDown();
            assertTrue(otherHeld.get(), "the other replica held the sweep");
        } finally {
            release.countDown();
            otherReplica.shutdownNow();
        }
        sweeper.sweep();
        assertNull(Api.find(ContactRequest.class, java.util.UUID.fromString(id)), "once free, the sweep runs here");
    }

    @Test
    void twoHoldersWithinOnePeriodGiveOneRunAndOneSkipAndAfterThePeriodItRunsAgain() throws Exception {
        String job = "test-once-per-" + UUID.randomUUID();
        Duration period = Duration.ofSeconds(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherReplica = Executors.newSingleThreadExecutor();
        try {
            // Both replicas' schedulers fire at once: the one that gets the job runs, the other skips.
            Future<Boolean> other = otherReplica.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                boolean ran = jobLock.tryHoldOncePer(job, period);
                held.countDown();
                release.await();
                return ran;
            }));
            assertTrue(held.await(30, java.util.concurrent.TimeUnit.SECONDS), "the other replica fired");
            assertFalse(oncePer(job, period), "this replica skips while the other runs");
            release.countDown();
            assertTrue(other.get(), "the other replica ran");
        } finally {
            release.countDown();
            otherReplica.shutdownNow();
        }
        assertFalse(oncePer(job, period), "fired again within the period: skipped, the other's run is recorded");
        assertEquals(1, runs(job, "ran"));
        assertEquals(2, runs(job, "skipped"));

        Thread.sleep(period.toMillis());
        assertTrue(oncePer(job, period), "the period is over: the job runs again");
        assertFalse(oncePer(job, period), "and once only");
        assertEquals(2, runs(job, "ran"));
        assertEquals(3, runs(job, "skipped"));
    }

    @Test
    void aRunThatFailsIsNotRecordedAndTheNextFiringRunsIt() {
        String job = "test-once-per-failed-" + UUID.randomUUID();
        Duration period = Duration.ofMinutes(10);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(jobLock.tryHoldOncePer(job, period));
            throw new IllegalStateException("the job failed: its transaction rolls back");
        }));
        assertTrue(oncePer(job, period), "the failed run left no record: the next firing runs the job");
        assertFalse(oncePer(job, period));
    }

    private boolean oncePer(String job, Duration period) {
        return QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(job, period));
    }

    private double runs(String job, String outcome) {
        Counter counter = registry.find(JobLock.RUNS).tags("job", job, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private ClientRateLimiter secondReplica() {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setURL(url);
        user.ifPresent(own::setUser);
        password.ifPresent(own::setPassword);
        return new ClientRateLimiter(config, own, pepper);
    }

    private static Callable<Integer> countAllowed(CountDownLatch start, Callable<Boolean> attempt) {
        return () -> {
            start.await();
            List<Boolean> results = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                results.add(attempt.call());
            }
            return (int) results.stream().filter(b -> b).count();
        };
    }

    private static int post(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Api.form(Api.uniqueEmail("replicas"), "Jeanne", null, null)).post("/api/contact-requests")
                .then().extract().statusCode();
    }
}
