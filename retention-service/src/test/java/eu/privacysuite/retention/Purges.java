package eu.privacysuite.retention;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.PurgeOrderEntity;
import eu.privacysuite.retention.domain.PurgeOrderRepository;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import eu.privacysuite.testing.TestTokens;

/** Plays the controller (sweeps through the API) and the owners (reports on the bus) around retention-service. */
final class Purges {

    private final ObjectMapper mapper;
    private final Lifecycle lifecycle;
    private final PurgeOrderRepository orders;

    Purges(ObjectMapper mapper, Lifecycle lifecycle, PurgeOrderRepository orders) {
        this.mapper = mapper;
        this.lifecycle = lifecycle;
        this.orders = orders;
    }

    ValidatableResponse sweep(boolean dryRun) {
        return given().auth().oauth2(TestTokens.controller()).queryParam("dryRun", dryRun)
                .post("/api/retention/sweeps").then().statusCode(200);
    }

    /** The order the record is in, if a sweep ordered it and no report settled it yet. */
    UUID orderOf(String service, String category, String recordId) {
        return lifecycle.entry(service, category, recordId).map(e -> e.purgeOrderId).orElse(null);
    }

    LedgerEntry entry(String service, String category, String recordId) {
        return lifecycle.entry(service, category, recordId).orElseThrow();
    }

    PurgeOrderEntity order(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> orders.findById(id));
    }

    /** Sends the owner's report of an order, as the shared PurgeOrderConsumer would. */
    void report(PurgeOrderEntity order, List<String> purged, List<String> alreadyGone, List<String> held) {
        PurgeReport report = new PurgeReport(order.id, order.service, order.category, purged, alreadyGone, held);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.PURGE_REPORT, 1, Instant.now(),
                order.service, order.id.toString(), null, mapper.valueToTree(report));
        try {
            lifecycle.bus.send(Topics.RETENTION_PURGE_REPORTS, order.id.toString(), mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
