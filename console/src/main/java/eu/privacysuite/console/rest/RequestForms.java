package eu.privacysuite.console.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The new-request form's fields to dsr-service's JSON (DsrRequestForm), and its field errors back to the form's
 * fields. Corrections go only with a RECTIFICATION and the directive only with a POST_MORTEM_DIRECTIVE, as the
 * service takes them; the form shows both groups and says which type each belongs to.
 */
final class RequestForms {

    private static final Map<String, String> CORRECTIONS = Map.of("c_email", "email", "c_civility", "civility",
            "c_firstName", "firstName", "c_lastName", "lastName", "c_phone", "phone", "c_postalAddress",
            "postalAddress", "c_country", "country");

    private RequestForms() {
    }

    static Map<String, Object> body(Map<String, String> v, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Inputs.blankToNull(v.get("type")));
        body.put("channel", Inputs.blankToNull(v.get("channel")));
        body.put("language", Inputs.blankToNull(v.get("language")));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("email", v.get("email"));
        subject.put("firstName", v.get("firstName"));
        subject.put("lastName", v.get("lastName"));
        body.put("subject", subject);
        List<String> visitors = new ArrayList<>();
        for (String line : v.getOrDefault("visitorIds", "").split("\\R")) {
            if (!line.isBlank()) {
                try {
                    visitors.add(UUID.fromString(line.strip()).toString());
                } catch (IllegalArgumentException e) {
                    errors.put("visitorIds", "each line must be a visitor id (UUID)");
                }
            }
        }
        body.put("visitorIds", visitors);
        if ("RECTIFICATION".equals(v.get("type"))) {
            Map<String, Object> corrections = new LinkedHashMap<>();
            CORRECTIONS.forEach((field, name) -> {
                String value = Inputs.blankToNull(v.get(field));
                if (value != null) {
                    corrections.put(name, value);
                }
            });
            body.put("corrections", corrections);
        }
        if ("POST_MORTEM_DIRECTIVE".equals(v.get("type"))) {
            body.put("directive", Map.of("text", v.getOrDefault("d_text", ""),
                    "trustedThirdParty", Map.of("name", v.getOrDefault("d_name", ""), "email", v.getOrDefault("d_email", ""))));
        }
        return body;
    }

    /** The service's field names (subject.email, corrections.phone, directive.trustedThirdParty.email) to the form's. */
    static Map<String, String> formFields(Map<String, String> serviceErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> errors.merge(formField(field), message, (a, b) -> a + "; " + b));
        return errors;
    }

    static String formField(String field) {
        if (field.startsWith("subject.")) {
            return field.substring("subject.".length());
        }
        if (field.startsWith("corrections.")) {
            return "c_" + field.substring("corrections.".length());
        }
        if (field.startsWith("directive.trustedThirdParty.")) {
            return "d_" + field.substring("directive.trustedThirdParty.".length());
        }
        if (field.startsWith("directive")) {
            return "d_text";
        }
        if (field.startsWith("visitorIds")) {
            return "visitorIds";
        }
        return field;
    }
}
