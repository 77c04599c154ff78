package eu.privacysuite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.dsr.AffectedPerson;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.SealedExports;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.BreachScope;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrCommand;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;

/** Plays dsr-service for a participant's tests: sends real DSR commands on the bus and reads the participant's replies and sealed exports. */
public final class DsrBus {

    private final String service;

    public final TopicProbe bus = new TopicProbe(SuitePlatformResource.bootstrapServers());
    private final ObjectMapper mapper;
    private final SealedExports sealed;

    public DsrBus(String service, ObjectMapper mapper, SealedExports sealed) {
        this.service = service;
        this.mapper = mapper;
        this.sealed = sealed;
    }

    public EventEnvelope command(String subjectKey, DsrAction action, List<String> visitorIds, Corrections corrections) {
        UUID requestId = UUID.randomUUID();
        String sealedCorrections = corrections == null ? null : sealed.sealCorrections(requestId, corrections);
        return new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "dsr-service",
                requestId.toString(), subjectKey,
                mapper.valueToTree(new DsrCommand(requestId, action, visitorIds, sealedCorrections)));
    }

    /** A BREACH_SCOPE command as dsr-service sends it: no subject key, keyed by the breach on the bus. */
    public EventEnvelope breachScope(BreachScope scope) {
        UUID searchId = UUID.randomUUID();
        return new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_COMMAND, 1, Instant.now(), "dsr-service",
                searchId.toString(), null, mapper.valueToTree(DsrCommand.breachScope(searchId, scope)));
    }

    /** The people of a BREACH_SCOPE answer, opened from its sealed parts (none for NOTHING_FOUND). */
    public List<AffectedPerson> people(EventEnvelope command) {
        JsonNode first = replies(command, 1).get(0);
        int parts = first.get("exportParts").asInt();
        if (parts == 0) {
            return List.of();
        }
        TreeMap<Integer, String> ordered = new TreeMap<>();
        replies(command, parts).subList(0, parts)
                .forEach(p -> ordered.put(p.get("exportPart").asInt(), p.get("sealedExport").asText()));
        return sealed.openPeople(UUID.fromString(command.correlationId()), service, List.copyOf(ordered.values()));
    }

    public void send(EventEnvelope command) {
        try {
            String key = command.subjectKey() != null ? command.subjectKey() : "breach:" + command.correlationId();
            bus.send(Topics.DSR_COMMANDS, key, mapper.writeValueAsString(command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the command and returns the data of its one reply (not an export). */
    public JsonNode act(String subjectKey, DsrAction action, Corrections corrections) {
        EventEnvelope command = command(subjectKey, action, List.of(), corrections);
        send(command);
        return replies(command, 1).get(0);
    }

    /** Waits for at least {@code count} replies to the command, in the order they were sent. */
    public List<JsonNode> replies(EventEnvelope command, int count) {
        String requestId = command.correlationId();
        List<JsonNode> replies = new ArrayList<>();
        for (String value : bus.awaitValues(Topics.dsrReplies(service), v -> v.contains(requestId), count,
                Duration.ofSeconds(30))) {
            replies.add(read(value).get("data"));
        }
        return replies;
    }

    /** Every part of the export answer (the first delivery's), waiting until all of them arrived. */
    public List<JsonNode> exportParts(EventEnvelope command) {
        int parts = Math.max(1, replies(command, 1).get(0).get("exportParts").asInt());
        return replies(command, parts).subList(0, parts);
    }

    public SubjectExport open(EventEnvelope command, List<JsonNode> parts) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        parts.forEach(p -> ordered.put(p.get("exportPart").asInt(), p.get("sealedExport").asText()));
        assertEquals(parts.size(), ordered.size(), "each part once");
        return sealed.open(UUID.fromString(command.correlationId()), service, List.copyOf(ordered.values()));
    }

    private JsonNode read(String value) {
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
