package eu.privacysuite.console.service;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's answer as the console received it: the status, the content type and the body. A problem+json
 * answer is read into its detail and its field errors, which the pages show next to the fields.
 */
public record ApiAnswer(int status, String contentType, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean problem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a service answered with a body that is not JSON (status " + status + ")", e);
        }
    }

    /** The JSON body as maps and lists, which the templates read. */
    public Object data() {
        return JSON.convertValue(json(), Object.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return (Map<String, Object>) data();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list() {
        return (List<Map<String, Object>>) data();
    }

    /** The problem's detail, or the status alone when the service sent none. */
    public String detail() {
        if (problem()) {
            JsonNode detail = json().get("detail");
            if (detail != null && !detail.isNull()) {
                return detail.asText();
            }
        }
        return "HTTP " + status;
    }

    /** Field → message, from the problem's {@code errors} (docs: shared Problem.InvalidParam). */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (problem()) {
            JsonNode list = json().get("errors");
            if (list != null) {
                list.forEach(e -> errors.merge(e.path("field").asText(), e.path("message").asText(), (a, b) -> a + "; " + b));
            }
        }
        return errors;
    }
}
