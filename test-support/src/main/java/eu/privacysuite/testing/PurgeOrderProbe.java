package eu.privacysuite.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeOrder;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;

/** Plays retention-service for an owner's tests: sends purge orders and waits for the owner's reports. */
public final class PurgeOrderProbe {

    private final ObjectMapper mapper;
    public final TopicProbe bus;

    public PurgeOrderProbe(ObjectMapper mapper) {
        this.mapper = mapper;
        this.bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
    }

    /** The envelope of a new order, ready to send (and to send again unchanged, as a re-send does). */
    public String order(String service, String category, PurgeAction action, List<String> recordIds, Instant upTo) {
        UUID orderId = UUID.randomUUID();
        PurgeOrder order = new PurgeOrder(orderId, service, category, action, recordIds, upTo);
        try {
            return mapper.writeValueAsString(new EventEnvelope(UUID.randomUUID(), EventTypes.PURGE_ORDER, 1,
                    Instant.now(), "retention-service", orderId.toString(), null, mapper.valueToTree(order)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID orderId(String envelope) {
        try {
            return UUID.fromString(mapper.readTree(envelope).get("data").get("orderId").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String envelope) {
        bus.send(Topics.RETENTION_PURGES, orderId(envelope).toString(), envelope);
    }

    /** The {@code count}-th report of the order (1 = the first), waiting up to the timeout. */
    public PurgeReport awaitReport(UUID orderId, int count, Duration timeout) {
        List<String> reports = bus.awaitValues(Topics.RETENTION_PURGE_REPORTS, v -> v.contains(orderId.toString()),
                count, timeout);
        try {
            return mapper.treeToValue(mapper.readTree(reports.get(count - 1)).get("data"), PurgeReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
