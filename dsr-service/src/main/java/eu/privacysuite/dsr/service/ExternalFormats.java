package eu.privacysuite.dsr.service;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.privacysuite.dsr.config.ExternalConfig.Format;
import eu.privacysuite.shared.dsr.Corrections;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;

/**
 * The two bodies an external participant may speak (docs/external-systems.md): the suite's own JSON, which mirrors
 * {@code DsrParticipant} (every right, an answer with an outcome, a count and, for ACCESS and PORTABILITY, the
 * export's categories), and OpenDSR 1.0 (erasure, access and portability requests; status callbacks). Every
 * answer is read strictly: a field of the wrong type, an unknown outcome or an answer for another request is
 * {@link BadAnswer}, never a default.
 */
@ApplicationScoped
public class ExternalFormats {

    /** The {@code api_version} sent in OpenDSR requests. */
    public static final String OPENDSR_API_VERSION = "1.0";
    public static final String SUITE_FORMAT = "privacy-suite-dsr/1";

    private final ObjectMapper mapper;

    public ExternalFormats(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** What one command carries, opened: the subject's email in clear, for this HTTPS body only. */
    public record Command(UUID commandId, UUID requestId, DsrAction action, String email, List<String> visitorIds,
            Corrections corrections, boolean answersLater, URI callbackUrl, Instant submittedAt, Instant sentAt) {
    }

    /**
     * An answer: {@code outcome} null when it is not final yet (an OpenDSR {@code pending} or {@code in_progress}).
     */
    public record Answer(UUID requestId, DsrOutcome outcome, long recordCount, String reason, SubjectExport export) {
    }

    /** The command's body, in the participant's format. */
    public byte[] request(Format format, Command c) {
        ObjectNode body = mapper.createObjectNode();
        if (format == Format.OPENDSR) {
            body.put("subject_request_id", c.requestId().toString());
            body.put("subject_request_type", c.action().name().toLowerCase());
            body.put("submitted_time", c.submittedAt().toString());
            ObjectNode identity = body.putArray("subject_identities").addObject();
            identity.put("identity_type", "email");
            identity.put("identity_value", c.email());
            identity.put("identity_format", "raw");
            body.put("api_version", OPENDSR_API_VERSION);
            body.putArray("status_callback_urls").add(c.callbackUrl().toString());
        } else {
            body.put("format", SUITE_FORMAT);
            body.put("commandId", c.commandId().toString());
            body.put("requestId", c.requestId().toString());
            body.put("action", c.action().name());
            body.putObject("subject").put("email", c.email());
            ArrayNode visitors = body.putArray("visitorIds");
            c.visitorIds().forEach(visitors::add);
            body.set("corrections", c.corrections() == null ? null : mapper.valueToTree(c.corrections()));
            body.put("answers", c.answersLater() ? "CALLBACK" : "NOW");
            body.put("callbackUrl", c.callbackUrl().toString());
            body.put("sentAt", c.sentAt().toString());
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an external command", e);
        }
    }

    /**
     * Reads an answer (a response body or a callback) for a request of type {@code action}.
     *
     * @throws BadAnswer when the body is not an answer in this format
     */
    public Answer answer(Format format, DsrAction action, byte[] body, URI callbackUrl) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new BadAnswer("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadAnswer("the body is not a JSON object");
        }
        return format == Format.OPENDSR ? openDsr(root, callbackUrl) : suite(root, action);
    }

    private Answer openDsr(JsonNode root, URI callbackUrl) {
        UUID requestId = uuid(root, "subject_request_id");
        JsonNode url = root.get("status_callback_url");
        if (url != null && !url.isNull() && !(url.isTextual() && url.asText().equals(callbackUrl.toString()))) {
            throw new BadAnswer("status_callback_url is not this participant's callback URL");
        }
        return switch (text(root, "request_status", true)) {
            case "pending", "in_progress" -> new Answer(requestId, null, 0, null, null);
            case "completed" -> new Answer(requestId, DsrOutcome.DONE, 0, null, null);
            case "cancelled" -> new Answer(requestId, DsrOutcome.REFUSED, 0,
                    "the processor cancelled the request (OpenDSR request_status cancelled)", null);
            default -> throw new BadAnswer("request_status is not pending, in_progress, completed or cancelled");
        };
    }

    private Answer suite(JsonNode root, DsrAction action) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("requestId", "outcome", "recordCount", "reason", "export").contains(name)) {
                throw new BadAnswer("the body has a field this format does not have");
            }
        }
        UUID requestId = uuid(root, "requestId");
        DsrOutcome outcome;
        try {
            outcome = DsrOutcome.valueOf(text(root, "outcome", true));
        } catch (IllegalArgumentException e) {
            throw new BadAnswer("outcome is not DONE, NOTHING_FOUND, REFUSED or FAILED");
        }
        JsonNode count = root.get("recordCount");
        if (count == null || !count.canConvertToLong() || !count.isIntegralNumber() || count.asLong() < 0) {
            throw new BadAnswer("recordCount is not a non-negative integer");
        }
        String reason = text(root, "reason", false);
        if (reason != null && reason.length() > 500) {
            throw new BadAnswer("reason is longer than 500 characters");
        }
        JsonNode exportNode = root.get("export");
        SubjectExport export = null;
        if (exportNode != null && !exportNode.isNull()) {
            if (!action.exports() || outcome != DsrOutcome.DONE) {
                throw new BadAnswer("an export comes only with DONE, for ACCESS or PORTABILITY");
            }
            export = export(exportNode);
        }
        long records = export == null ? count.asLong() : export.recordCount();
        return new Answer(requestId, outcome, records, reason, export);
    }

    private SubjectExport export(JsonNode node) {
        JsonNode categories = node.get("categories");
        if (!node.isObject() || categories == null || !categories.isArray()) {
            throw new BadAnswer("export.categories is not a list");
        }
        List<ExportCategory> out = new ArrayList<>();
        for (JsonNode c : categories) {
            if (!c.isObject()) {
                throw new BadAnswer("an export category is not an object");
            }
            String name = text(c, "name", true);
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new BadAnswer("an export category's name is not lower-case letters, digits and dashes");
            }
            JsonNode records = c.get("records");
            if (records == null || !records.isArray()) {
                throw new BadAnswer("export category " + name + " has no list of records");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode r : records) {
                if (!r.isObject()) {
                    throw new BadAnswer("a record of " + name + " is not an object");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                r.fields().forEachRemaining(f -> {
                    JsonNode v = f.getValue();
                    if (!v.isValueNode()) {
                        throw new BadAnswer("a record of " + name + " is not flat: field " + f.getKey());
                    }
                    row.put(f.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue()
                            : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
                });
                rows.add(row);
            }
            List<String> recipients = new ArrayList<>();
            JsonNode rs = c.get("recipients");
            if (rs != null && !rs.isNull()) {
                if (!rs.isArray()) {
                    throw new BadAnswer("recipients of " + name + " is not a list");
                }
                rs.forEach(x -> recipients.add(x.isTextual() ? x.asText() : badText("recipients")));
            }
            out.add(new ExportCategory(name, orElse(text(c, "title", false), name), text(c, "retentionCategory", false),
                    text(c, "purpose", false), text(c, "legalBasis", false), text(c, "source", false), recipients, rows));
        }
        return new SubjectExport(null, out);
    }

    private static String badText(String field) {
        throw new BadAnswer(field + " holds something other than text");
    }

    private static String orElse(String value, String other) {
        return value == null ? other : value;
    }

    private static UUID uuid(JsonNode root, String field) {
        try {
            return UUID.fromString(text(root, field, true));
        } catch (IllegalArgumentException e) {
            throw new BadAnswer(field + " is not a UUID");
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadAnswer(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new BadAnswer(field + " is not text");
        }
        return value.asText();
    }

    /** The body is not an answer in the participant's format; the message names the field, never a value. */
    public static class BadAnswer extends RuntimeException {

        public BadAnswer(String message) {
            super(message);
        }
    }
}
