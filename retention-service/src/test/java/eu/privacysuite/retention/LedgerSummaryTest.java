package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.service.DueRecordsGauge;
import eu.privacysuite.shared.events.ClockEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerSummaryTest {

    // Health, metrics and OpenAPI answer on the management port only.
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ObjectMapper mapper;

    @Inject
    LedgerEntryRepository ledger;

    @Inject
    DueRecordsGauge dueGauge;

    @Inject
    MeterRegistry registry;

    @Test
    void summaryCountsRecordsDueNowAndTheNextDueDatePerCategory() {
        Lifecycle lifecycle = new Lifecycle(mapper, ledger);
        Map<String, Object> before = serverLogs();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String overdue = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        // Server logs are kept 13 months: a log of two years ago is due, one of today is not.
        lifecycle.send(overdue, lifecycle.clock(null, "platform", "SERVER_LOG", overdue, ClockEvent.COLLECTED,
                now.atOffset(ZoneOffset.UTC).minusYears(2).toInstant()));
        lifecycle.send(recent, lifecycle.clock(null, "platform", "SERVER_LOG", recent, ClockEvent.COLLECTED, now));
        lifecycle.awaitEntry("platform", "SERVER_LOG", overdue, e -> true);
        lifecycle.awaitEntry("platform", "SERVER_LOG", recent, e -> true);

        Map<String, Object> after = serverLogs();
        assertEquals(((Number) before.get("records")).longValue() + 2, ((Number) after.get("records")).longValue());
        assertEquals(((Number) before.get("dueNow")).longValue() + 1, ((Number) after.get("dueNow")).longValue());
        // The next due date is the earliest to come: this log's, unless a clock made earlier (another test's) falls sooner.
        Instant ours = now.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant();
        Instant earlier = before.get("nextDueAt") == null ? null : Instant.parse((String) before.get("nextDueAt"));
        assertEquals(earlier != null && earlier.isBefore(ours) ? earlier : ours, Instant.parse((String) after.get("nextDueAt")));

        dueGauge.refresh();
        double gauge = registry.find("retention.records.due").tag("category", "SERVER_LOG").gauge().value();
        assertEquals(((Number) after.get("dueNow")).doubleValue(), gauge);
        given().port(management.getPort()).get("/q/metrics").then().statusCode(200).body(containsString("retention_records_due{category=\"SERVER_LOG\""));
    }

    @Test
    void summaryListsEveryCategoryOfTheScheduleWithoutPersonalData() {
        List<Map<String, Object>> summary = given().get("/api/retention/ledger/summary").then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Object> categories = summary.stream().map(s -> s.get("category")).toList();
        assertEquals(List.of("CLIENT_ACCOUNTING", "CLIENT_ACTIVE", "CLIENT_IDLE", "COOKIE_CONSENT", "DSR_CASE", "IDENTITY_DOCUMENT", "MINOR_HOLD", "NEWSLETTER", "PROSPECT", "SERVER_LOG"),
                categories);
        assertFalse(summary.toString().contains("subject-"), "no subject key in the summary");
    }

    private static Map<String, Object> serverLogs() {
        List<Map<String, Object>> summary = given().get("/api/retention/ledger/summary").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return summary.stream().filter(s -> "SERVER_LOG".equals(s.get("category"))).findFirst().orElseThrow();
    }
}
