package eu.privacysuite.shared.dsr;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One category of a subject's data in a participant, described as GDPR art. 15 asks: what it is for
 * ({@code purpose}), on what legal basis, where it came from ({@code source}) and who receives it
 * ({@code recipients}). {@code retentionCategory} names the retention schedule's category (PROSPECT,
 * COOKIE_CONSENT, ...) so that the report can give the retention period from retention-service's schedule; null
 * when the schedule does not cover it. Each record is a flat map of field name to a JSON scalar (string, number,
 * boolean or null), in a stable field order, so that it becomes a CSV row as is.
 *
 * <p>Texts ({@code title}, {@code purpose}, ...) are English, and the access report shows them as sent, in its French
 * version too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportCategory(String name, String title, String retentionCategory, String purpose,
        String legalBasis, String source, List<String> recipients, List<Map<String, Object>> records) {

    public ExportCategory {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        records = records == null ? List.of() : List.copyOf(records);
    }
}
