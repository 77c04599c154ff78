package eu.privacysuite.dsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.dsr.config.ExternalConfig.Format;
import eu.privacysuite.dsr.service.ExternalFormats;
import eu.privacysuite.dsr.service.ExternalFormats.Answer;
import eu.privacysuite.dsr.service.ExternalFormats.BadAnswer;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.events.DsrOutcome;

/** The bodies and the signature as docs/external-systems.md writes them out, without a running service. */
class ExternalFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final URI CALLBACK = URI.create("https://dsr.example/api/external/callbacks/mailer");
    private final ExternalFormats formats = new ExternalFormats(MAPPER);
    private final UUID requestId = UUID.fromString("0b6f1f8e-4d7a-4d55-9d38-7f3a2c1e9a10");

    @Test
    void theSignatureIsTheDocumentedExample() {
        byte[] body = ("{\"requestId\":\"0b6f1f8e-4d7a-4d55-9d38-7f3a2c1e9a10\",\"outcome\":\"DONE\",\"recordCount\":2}")
                .getBytes(StandardCharsets.UTF_8);
        String key = "example-shared-secret-of-32-chars!!";
        String signature = ExternalSignature.sign(key, 1764806400L, body);
        // docs/external-systems.md, computed there with openssl dgst -sha256 -hmac
        assertEquals("sha256=24f7bed901dd7b21e060036036c4f74cf7c1ed6a12345e830c3dd8a7bbaa48be", signature);
        Instant then = Instant.ofEpochSecond(1764806400L);
        Duration window = Duration.ofMinutes(5);
        assertTrue(ExternalSignature.valid(key, "1764806400", signature, body, then.plusSeconds(299), window));
        assertFalse(ExternalSignature.valid(key, "1764806400", signature, body, then.plusSeconds(301), window));
        assertFalse(ExternalSignature.valid(key, "1764806401", signature, body, then, window), "another timestamp");
        assertFalse(ExternalSignature.valid(key + "x", "1764806400", signature, body, then, window), "another key");
        assertFalse(ExternalSignature.valid(key, "1764806400", signature.toUpperCase(), body, then, window));
        assertFalse(ExternalSignature.valid(key, "-1", signature, body, then, window));
        assertFalse(ExternalSignature.valid(key, null, signature, body, then, window));
    }

    @Test
    void anOpenDsrRequestCarriesWhatTheSpecificationAsks() throws Exception {
        byte[] body = formats.request(Format.OPENDSR, new ExternalFormats.Command(UUID.randomUUID(), requestId,
                DsrAction.PORTABILITY, "jeanne@example.fr", List.of(), null, true, CALLBACK,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.now()));
        JsonNode json = MAPPER.readTree(body);
        assertEquals(requestId.toString(), json.get("subject_request_id").asText());
        assertEquals("portability", json.get("subject_request_type").asText());
        assertEquals("2026-12-01T10:00:00Z", json.get("submitted_time").asText());
        assertEquals("email", json.at("/subject_identities/0/identity_type").asText());
        assertEquals("jeanne@example.fr", json.at("/subject_identities/0/identity_value").asText());
        assertEquals("raw", json.at("/subject_identities/0/identity_format").asText());
        assertEquals("1.0", json.get("api_version").asText());
        assertEquals(CALLBACK.toString(), json.at("/status_callback_urls/0").asText());
    }

    @Test
    void openDsrCallbacksMapToOutcomes() {
        assertEquals(DsrOutcome.DONE, openDsr("completed").outcome());
        assertEquals(DsrOutcome.REFUSED, openDsr("cancelled").outcome());
        assertNull(openDsr("pending").outcome(), "not final");
        assertNull(openDsr("in_progress").outcome(), "not final");
        assertThrows(BadAnswer.class, () -> openDsr("done"));
        String otherUrl = "{\"subject_request_id\":\"" + requestId + "\",\"request_status\":\"completed\","
                + "\"status_callback_url\":\"https://elsewhere.example/cb\"}";
        assertThrows(BadAnswer.class, () -> formats.answer(Format.OPENDSR, DsrAction.ERASURE,
                otherUrl.getBytes(StandardCharsets.UTF_8), CALLBACK));
    }

    @Test
    void aSuiteAnswerIsReadStrictly() {
        Answer export = suite("{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":9,\"export\":"
                + "{\"categories\":[{\"name\":\"crm-orders\",\"records\":[{\"orderRef\":\"A\",\"cents\":5}]}]}}",
                DsrAction.ACCESS);
        assertEquals(1, export.recordCount(), "an export's count is its records'");
        assertEquals("crm-orders", export.export().categories().get(0).title(), "the title defaults to the name");
        for (String bad : List.of("[]", "{}", "not json",
                "{\"requestId\":\"x\",\"outcome\":\"DONE\",\"recordCount\":1}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"done\",\"recordCount\":1}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":-1}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":\"1\"}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":1.5}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":1,\"extra\":true}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":1} {}",
                "{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\",\"recordCount\":1,\"export\":{\"categories\":"
                        + "[{\"name\":\"x\",\"records\":[{\"nested\":{\"a\":1}}]}]}}")) {
            assertThrows(BadAnswer.class, () -> suite(bad, DsrAction.ACCESS), bad);
        }
        assertThrows(BadAnswer.class, () -> suite("{\"requestId\":\"" + requestId + "\",\"outcome\":\"DONE\","
                + "\"recordCount\":1,\"export\":{\"categories\":[]}}", DsrAction.ERASURE), "an erasure exports nothing");
    }

    private Answer openDsr(String status) {
        return formats.answer(Format.OPENDSR, DsrAction.ERASURE, ("{\"subject_request_id\":\"" + requestId
                + "\",\"request_status\":\"" + status + "\",\"controller_id\":\"c\"}").getBytes(StandardCharsets.UTF_8),
                CALLBACK);
    }

    private Answer suite(String body, DsrAction action) {
        return formats.answer(Format.SUITE, action, body.getBytes(StandardCharsets.UTF_8), CALLBACK);
    }
}
