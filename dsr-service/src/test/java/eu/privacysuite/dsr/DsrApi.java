package eu.privacysuite.dsr;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import eu.privacysuite.dsr.domain.DsrAuditEntry;
import eu.privacysuite.shared.events.DsrOutcome;
import eu.privacysuite.shared.events.DsrReply;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.testing.SuitePlatformResource;
import eu.privacysuite.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import eu.privacysuite.testing.TestTokens;

/** What the tests do again and again: record a request as the controller, read it back, answer as a participant. */
final class DsrApi {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static String erasureBody(String email) {
        return """
                {"type":"ERASURE","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"}}
                """.formatted(email);
    }

    static String newEmail() {
        return "jeanne.martin+" + UUID.randomUUID() + "@example.fr";
    }

    /** Records an erasure request for this email and returns its id. */
    static UUID erasure(String email) {
        return UUID.fromString(given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body(erasureBody(email)).post("/api/requests").then().statusCode(201).extract().path("id"));
    }

    /** A request body of this type, by email, with no corrections or directive. */
    static String requestBody(String type, String email) {
        return """
                {"type":"%s","channel":"EMAIL","subject":{"email":"%s","firstName":"Jeanne","lastName":"Martin"}}
                """.formatted(type, email);
    }

    /** Posts a request as the controller and returns the answer, whatever its status. */
    static io.restassured.response.Response post(String body) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON).body(body)
                .post("/api/requests");
    }

    /** Records the controller's identity decision (the document was checked) and returns the answer. */
    static io.restassured.response.Response decideIdentity(UUID id, boolean verified) {
        return given().auth().oauth2(TestTokens.controller()).contentType(ContentType.JSON)
                .body("{\"verified\":" + verified + ",\"method\":\"DOCUMENT\",\"note\":\"card checked\"}")
                .post("/api/requests/" + id + "/identity");
    }

    /** Records an erasure request for this email and verifies the subject's identity: the command is sent. */
    static UUID verifiedErasure(String email) {
        UUID id = erasure(email);
        decideIdentity(id, true).then().statusCode(200);
        return id;
    }

    /** Posts a controller's act on a request ("reject", "cancel", "extension") with this JSON body, or none. */
    static io.restassured.response.Response act(UUID id, String act, String body) {
        var request = given().auth().oauth2(TestTokens.controller());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/requests/" + id + "/" + act);
    }

    static JsonPath view(UUID id) {
        return given().auth().oauth2(TestTokens.auditor()).get("/api/requests/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static TopicProbe bus() {
        return new TopicProbe(SuitePlatformResource.bootstrapServers());
    }

    /** Sends a participant's reply as the participant would, and returns the envelope sent. */
    static EventEnvelope reply(String subjectKey, UUID requestId, String service, DsrOutcome outcome, long count,
            String reason) {
        return replyOn(Topics.dsrReplies(service), subjectKey, requestId, service, outcome, count, reason);
    }

    /** Sends a reply that names {@code service} on {@code topic}, which may be another participant's reply topic. */
    static EventEnvelope replyOn(String topic, String subjectKey, UUID requestId, String service, DsrOutcome outcome,
            long count, String reason) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_REPLY, 1, Instant.now(), service,
                requestId.toString(), subjectKey,
                MAPPER.valueToTree(new DsrReply(requestId, service, outcome, count, null, reason)));
        send(topic, subjectKey, envelope);
        return envelope;
    }

    /** Sends one part of a participant's sealed export, on its own reply topic; returns the envelope sent. */
    static EventEnvelope exportReply(String subjectKey, UUID requestId, String service, long count, String sealedPart,
            int part, int parts) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.DSR_REPLY, 1, Instant.now(), service,
                requestId.toString(), subjectKey, MAPPER.valueToTree(
                        new DsrReply(requestId, service, DsrOutcome.DONE, count, sealedPart, null, part, parts)));
        send(Topics.dsrReplies(service), subjectKey, envelope);
        return envelope;
    }

    /** Sends a reply envelope on the given topic: a participant's own reply topic, or one that is not its own. */
    static void send(String topic, String subjectKey, EventEnvelope envelope) {
        try {
            bus().send(topic, subjectKey, MAPPER.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(timeout).until(condition::getAsBoolean);
    }

    private DsrApi() {
    }

    /** The request's audit trail, oldest first, each entry as "actor: event". */
    static List<String> auditOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> DsrAuditEntry.<DsrAuditEntry>list("requestId = ?1 order by id", id)
                .stream().map(e -> e.actor + ": " + e.event).toList());
    }
}
