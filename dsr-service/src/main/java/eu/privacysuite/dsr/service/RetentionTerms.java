package eu.privacysuite.dsr.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;

/**
 * How long each retention category is kept, as retention-service's export gives its schedule: the records of its
 * category {@value #CATEGORY}, with the fields {@code category}, {@code keep} (ISO-8601), {@code action} and
 * {@code legalBasis}. An export category names its schedule category in {@code retentionCategory}.
 */
final class RetentionTerms {

    static final String SERVICE = "retention-service";
    static final String CATEGORY = "retention-schedule";

    private final Map<String, Map<String, Object>> rules;

    private RetentionTerms(Map<String, Map<String, Object>> rules) {
        this.rules = rules;
    }

    static RetentionTerms of(List<SubjectExport> exports) {
        Map<String, Map<String, Object>> rules = new HashMap<>();
        exports.stream().filter(e -> SERVICE.equals(e.service())).flatMap(e -> e.categories().stream())
                .filter(RetentionTerms::isSchedule).flatMap(c -> c.records().stream())
                .filter(r -> r.get("category") != null)
                .forEach(r -> rules.putIfAbsent(String.valueOf(r.get("category")), r));
        return new RetentionTerms(rules);
    }

    static boolean isSchedule(ExportCategory category) {
        return CATEGORY.equals(category.name());
    }

    /** The retention of a category in words ("3 ans, puis supprimées — base légale"); "" when the schedule is silent. */
    String describe(String retentionCategory, Language language) {
        Map<String, Object> rule = retentionCategory == null ? null : rules.get(retentionCategory);
        if (rule == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(language.period(text(rule.get("keep"))));
        String then = language.then(text(rule.get("action")));
        if (!then.isEmpty()) {
            out.append(", ").append(then);
        }
        String basis = text(rule.get("legalBasis"));
        if (!basis.isEmpty()) {
            out.append(" (").append(basis).append(')');
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
