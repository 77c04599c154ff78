package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.privacysuite.platform.StandInCrm;
import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Purge orders for records a system outside the suite owns, against the real stand-in CRM (a Vert.x server with its
 * own PostgreSQL table, local-platform): it feeds its idle clients' CLIENT_IDLE clocks over the signed feed, the
 * sweep's order reaches its /purge signed, it deletes the rows and posts a signed report that closes the ledger
 * entries. An outage of the CRM is retried until it is back; a forged report changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = StandInCrmResource.class, restrictToAnnotatedClass = true)
class ExternalPurgeTest {

    private static final String LOG_KEY = "test-log-key-0123456789abcdefghijklmnop";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Idle long enough ago that the 5-year CLIENT_IDLE period and the grace window have run out. */
    private static final Instant LONG_IDLE = Instant.now().minus(6 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    LedgerEntryRepository ledger;
    @Inject
    PurgeOrderRepository orders;

    private StandInCrm crm() {
        return StandInCrmResource.crm;
    }

    @AfterEach
    void crmBack() {
        crm().refuseAll(false);
        crm().restartServerIfStopped();
    }

    @Test
    void aPurgeOrderReachesTheCrmForIdleClientsAndItsReportClosesTheLedgerEntries() {
        String first = idleClient("ORD-P-1", LONG_IDLE);
        String second = idleClient("ORD-P-2", LONG_IDLE.plusSeconds(60));
        String disputed = idleClient("ORD-P-3", LONG_IDLE);
        crm().retention().dispute(disputed);
        String recent = idleClient("ORD-P-4", Instant.now().minus(365, ChronoUnit.DAYS));
        feed();
        assertEquals(LONG_IDLE, entry(first).orElseThrow().clockStartedAt);
        assertNotNull(entry(first).orElseThrow().subjectKey, "the feed named the client: the entry has a subject key");
        int reportsBefore = crm().retention().reportStatuses.size();

        sweep();
        UUID orderId = orderOf(first);
        assertNotNull(orderId, "the idle client is ordered purged");
        assertEquals(orderId, orderOf(second));
        assertEquals(orderId, orderOf(disputed));
        assertNull(orderOf(recent), "idle one year only: not due");

        PurgeOrderEntity reported = awaitStatus(orderId, OrderStatus.REPORTED);
        assertFalse(crm().retention().holds(first), "the CRM deleted the row");
        assertFalse(crm().retention().holds(second));
        assertTrue(crm().retention().holds(disputed), "a client under dispute stays in the CRM");
        assertTrue(crm().retention().holds(recent));
        assertTrue(entry(first).isEmpty() && entry(second).isEmpty(), "the report closed the ledger entries");
        assertNull(orderOf(disputed), "a refused record goes back among the due records");
        assertTrue(entry(disputed).isPresent());
        assertEquals(2, reported.purged);
        assertEquals(1, reported.held);
        assertEquals(reported.recordCount - 3, reported.alreadyGone, "records the CRM did not know are already gone");
        assertTrue(reported.deliveryAttempts >= 1);
        assertNull(reported.lastFault);
        await("the CRM saw its report taken").atMost(WAIT)
                .until(() -> crm().retention().reportStatuses.size() > reportsBefore);
        assertEquals(200, crm().retention().reportStatuses.get(reportsBefore));

        given().auth().oauth2(TestTokens.auditor()).get("/api/retention/evidence?size=500").then().statusCode(200)
                .body(containsString(orderId.toString())).body(not(containsString(first)));
    }

    @Test
    void aThirtySecondOutageOfTheCrmIsRetriedWithNothingLostAndNoOrderFailed() throws InterruptedException {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(idleClient("ORD-OUT-" + i, LONG_IDLE));
        }
        feed();
        int takenBefore = crm().retention().ordersTaken.get();
        crm().stopServer();
        Instant down = Instant.now();
        sweep();
        UUID orderId = orderOf(clients.get(0));
        assertNotNull(orderId);
        await("the order has met the closed port more than once").atMost(WAIT).until(() -> {
            PurgeOrderEntity o = order(orderId);
            return o.deliveryAttempts >= 2 && o.lastFault != null;
        });
        Duration left = Duration.ofSeconds(30).minus(Duration.between(down, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis()); // the outage lasts its 30 seconds: what is measured is the recovery
        }
        PurgeOrderEntity during = order(orderId);
        assertEquals(OrderStatus.DELIVERING, during.status, "a fault fails nothing");
        assertTrue(during.deliveryAttempts >= 4, "retried with backoff during the outage: " + during.deliveryAttempts);
        given().auth().oauth2(TestTokens.auditor()).queryParam("status", "delivering").get("/api/retention/orders")
                .then().statusCode(200).body(containsString(orderId.toString()));
        crm().restartServer();

        PurgeOrderEntity reported = awaitStatus(orderId, OrderStatus.REPORTED);
        for (String client : clients) {
            assertFalse(crm().retention().holds(client), "deleted after the outage");
            assertTrue(entry(client).isEmpty(), "the ledger forgot it");
        }
        assertEquals(3, reported.purged);
        assertNull(reported.failureReason);
        assertTrue(crm().retention().ordersTaken.get() - takenBefore >= 1, "the order reached the CRM");
        long failed = QuarkusTransaction.requiringNew().call(() -> orders.count(
                "service = ?1 and status = ?2 and orderedAt >= ?3", "crm", OrderStatus.FAILED, down.minusSeconds(5)));
        assertEquals(0, failed, "no order FAILED");
    }

    @Test
    void anOrderOneSenderHoldsIsSkippedByAnotherAsOnASecondReplica() throws Exception {
        String client = idleClient("ORD-L-1", LONG_IDLE);
        feed();
        crm().stopServer(); // the order stays DELIVERING
        sweep();
        UUID orderId = orderOf(client);
        Instant anyLease = Instant.now().plus(Duration.ofDays(1)); // past every lease: only the row lock decides
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 100; i++) {
                // This service's own sender may hold the row for an instant: try again until this one holds it.
                boolean holding = QuarkusTransaction.requiringNew().call(() -> {
                    boolean mine = orders.claimDeliveries(anyLease, 1000).stream().anyMatch(o -> o.id.equals(orderId));
                    if (mine) {
                        held.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return mine;
                });
                if (holding) {
                    return true;
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            return false;
        });
        assertTrue(held.await(30, TimeUnit.SECONDS), "a first sender holds the order");
        List<UUID> second = QuarkusTransaction.requiringNew().call(() -> orders.claimDeliveries(anyLease, 1000).stream()
                .map(o -> o.id).toList());
        release.countDown();
        assertTrue(first.get(30, TimeUnit.SECONDS));
        assertFalse(second.contains(orderId), "a second sender skips the order the first holds, without waiting");
        crm().restartServer();
        awaitStatus(orderId, OrderStatus.REPORTED);
    }

    @Test
    void aRefusalOfTheOrderIsRecordedAsFailedWithItsReason() {
        String client = idleClient("ORD-R-1", LONG_IDLE);
        feed();
        crm().refuseAll(true);
        sweep();
        UUID orderId = orderOf(client);
        PurgeOrderEntity failed = awaitStatus(orderId, OrderStatus.FAILED);
        assertEquals("crm refused the order with HTTP 403", failed.failureReason);
        given().auth().oauth2(TestTokens.auditor()).queryParam("status", "failed").get("/api/retention/orders").then()
                .statusCode(200).body("find { it.id == '" + orderId + "' }.failureReason",
                        equalTo("crm refused the order with HTTP 403"));
        assertTrue(crm().retention().holds(client), "nothing was deleted");
    }

    @Test
    void aForgedStaleOrUnsignedReportIsRefusedAndChangesNothing() {
        String client = idleClient("ORD-F-1", LONG_IDLE);
        feed();
        crm().stopServer(); // the order waits, DELIVERING: only a forger reports it
        sweep();
        UUID orderId = orderOf(client);
        String body = report(orderId, List.of(client), List.of(), List.of());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();

        problem(given().contentType("application/json").body(bytes).post(reportsOf("crm")).then(), 401);
        problem(post("crm", "another-key-0123456789abcdefghijklmnopqrstuvwxyz", body), 401);
        problem(signedAt("crm", now - 301, body), 401);
        problem(given().contentType("application/json").header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(StandInCrmResource.CRM_KEY, now,
                        report(orderId, List.of(), List.of(client), List.of()).getBytes(StandardCharsets.UTF_8)))
                .body(bytes).post(reportsOf("crm")).then(), 401);
        problem(post("billing", StandInCrmResource.CRM_KEY, body), 401);

        assertEquals(OrderStatus.DELIVERING, order(orderId).status, "no forged report settled the order");
        assertEquals(orderId, orderOf(client), "the ledger entry is still in its order");
        crm().restartServer();
        awaitStatus(orderId, OrderStatus.REPORTED);
        assertFalse(crm().retention().holds(client), "the CRM's own report, once it is back, settles it");
    }

    @Test
    void aReportIsReadStrictlyAndNamesOnlyItsOwnOrdersRecordsEachOnce() {
        String client = idleClient("ORD-S-1", LONG_IDLE);
        String other = idleClient("ORD-S-2", LONG_IDLE);
        feed();
        crm().stopServer();
        sweep();
        UUID orderId = orderOf(client);
        List<String> all = recordsOf(orderId);

        problem(post("crm", StandInCrmResource.CRM_KEY, "not json"), 400);
        problem(post("crm", StandInCrmResource.CRM_KEY, "{\"orderId\":\"" + orderId + "\",\"deleted\":[]}"), 400)
                .body("detail", containsString("notFound"));
        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, all, List.of(), List.of())
                .replace("}", ",\"extra\":1}")), 400);
        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, all, List.of(), List.of())
                .replace("\"deleted\":[", "\"deleted\":[\"a record\",")), 400)
                .body("detail", containsString("deleted")).body("detail", not(containsString("a record")));
        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, all, List.of(client), List.of())), 400)
                .body("detail", containsString("exactly once"));
        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, List.of(client), List.of(), List.of())
                .replace("\"deleted\":[", "\"deleted\":[\"customer-999999999\",")), 400)
                .body("detail", containsString("exactly once")).body("detail", not(containsString("customer-")));
        problem(post("crm", StandInCrmResource.CRM_KEY, report(UUID.randomUUID(), all, List.of(), List.of())), 404);
        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, all, List.of(), List.of())
                .replace(orderId.toString(), "12")), 400).body("detail", containsString("orderId"));
        assertEquals(OrderStatus.DELIVERING, order(orderId).status, "no malformed report settled the order");

        problem(post("crm", StandInCrmResource.CRM_KEY, report(orderId, all, List.of(), List.of())
                .replace("}", " ".repeat(300 * 1024) + "}")), 413);

        // A system's own report settles it once; the same report again changes nothing. A report may be larger than
        // the 16 KB of the other routes (it names every record of an order): this one is padded past it.
        List<String> notFound = new ArrayList<>(all);
        notFound.remove(client);
        String good = report(orderId, List.of(client), notFound, List.of()).replace("}", " ".repeat(20 * 1024) + "}");
        post("crm", StandInCrmResource.CRM_KEY, good).statusCode(200).body("outcome", equalTo("RECORDED"));
        post("crm", StandInCrmResource.CRM_KEY, good).statusCode(200).body("outcome", equalTo("ALREADY_REPORTED"));
        PurgeOrderEntity settled = order(orderId);
        assertEquals(OrderStatus.REPORTED, settled.status);
        assertEquals(1, settled.purged);
        assertTrue(entry(client).isEmpty() && entry(other).isEmpty());
        crm().restartServer();
    }

    @Test
    void aSystemWithoutPurgeEndpointHasItsOrdersFailedAtOnceAndCannotReportAnotherSystemsOrder() {
        String file = "access.log." + UUID.randomUUID();
        post("platform", LOG_KEY, "{\"clocks\":[{\"eventId\":\"" + UUID.randomUUID() + "\",\"category\":\"SERVER_LOG\","
                + "\"recordId\":\"" + file + "\",\"clockEvent\":\"COLLECTED\",\"at\":\"" + LONG_IDLE + "\"}]}",
                "/clocks").statusCode(200);
        sweep();
        UUID orderId = QuarkusTransaction.requiringNew().call(() -> ledger.findRecord("platform", "SERVER_LOG", file))
                .orElseThrow().purgeOrderId;
        PurgeOrderEntity failed = order(orderId);
        assertEquals(OrderStatus.FAILED, failed.status, "nowhere to deliver it");
        assertEquals("no purge endpoint: privacy.retention.external.systems.platform.purge-endpoint is not set",
                failed.failureReason);

        List<String> records = recordsOf(orderId);
        String body = report(orderId, records, List.of(), List.of());
        problem(post("crm", StandInCrmResource.CRM_KEY, body), 403);
        // The log system deleted the file on its own and says so: the FAILED order is settled at last.
        post("platform", LOG_KEY, body).statusCode(200).body("outcome", equalTo("RECORDED"));
        assertEquals(OrderStatus.REPORTED, order(orderId).status);
    }

    private String idleClient(String orderRef, Instant idleSince) {
        return crm().retention().insertIdleCustomer("client-" + UUID.randomUUID() + "@example.fr", "Client " + orderRef,
                orderRef, 1000, idleSince);
    }

    private void feed() {
        assertEquals(200, crm().retention().feedIdleClocks(URI.create("http://127.0.0.1:" + StandInCrmResource.httpPort)));
    }

    private static void sweep() {
        given().auth().oauth2(TestTokens.controller()).post("/api/retention/sweeps").then().statusCode(200);
    }

    private Optional<LedgerEntry> entry(String recordId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.findRecord("crm", "CLIENT_IDLE", recordId));
    }

    private UUID orderOf(String recordId) {
        return entry(recordId).map(e -> e.purgeOrderId).orElse(null);
    }

    private PurgeOrderEntity order(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> orders.findById(id));
    }

    private List<String> recordsOf(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.list("purgeOrderId", orderId).stream()
                .map(e -> e.recordId).toList());
    }

    private PurgeOrderEntity awaitStatus(UUID orderId, OrderStatus status) {
        await("order " + orderId + " " + status).atMost(WAIT).until(() -> order(orderId).status == status);
        return order(orderId);
    }

    private static String report(UUID orderId, List<String> deleted, List<String> notFound, List<String> refused) {
        return "{\"orderId\":\"" + orderId + "\",\"deleted\":" + json(deleted) + ",\"notFound\":" + json(notFound)
                + ",\"refused\":" + json(refused) + "}";
    }

    private static String json(List<String> ids) {
        return "[" + String.join(",", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
    }

    private static String reportsOf(String system) {
        return "/api/retention/external/" + system + "/purge-reports";
    }

    private static ValidatableResponse post(String system, String key, String body) {
        return post(system, key, body, "/purge-reports");
    }

    private static ValidatableResponse post(String system, String key, String body, String route) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(key, now, bytes)).body(bytes)
                .post("/api/retention/external/" + system + route).then();
    }

    private static ValidatableResponse signedAt(String system, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header(ExternalSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ExternalSignature.SIGNATURE_HEADER, ExternalSignature.sign(StandInCrmResource.CRM_KEY, timestamp,
                        bytes)).body(bytes).post(reportsOf(system)).then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"));
    }
}
