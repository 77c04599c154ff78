package eu.privacysuite.dsr.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.dsr.config.ResultsConfig;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;
import io.quarkus.qute.TemplateInstance;

/**
 * ACCESS: the report a person reads, an HTML page in French or English rendered by Qute with HTML escaping (a
 * value is always shown as text). Per service and category: title, purpose, legal basis, retention (from
 * retention-service's schedule), source, recipients and the records as field/value tables.
 */
@ApplicationScoped
public class AccessReport {

    /** templates/AccessReport/report.html */
    record report(Page page) implements TemplateInstance {
    }

    public record Page(String lang, String reference, String receivedOn, String dueBy, String completedOn,
            List<ServiceSection> services) {
    }

    public record ServiceSection(String service, List<CategorySection> categories) {
    }

    public record CategorySection(String title, String purpose, String legalBasis, String retention, String source,
            String recipients, List<List<FieldValue>> records) {
    }

    public record FieldValue(String field, String value) {
    }

    private final ResultsConfig config;

    public AccessReport(ResultsConfig config) {
        this.config = config;
    }

    public String render(AssembledResults results, Language language) {
        RetentionTerms retention = RetentionTerms.of(results.exports());
        List<ServiceSection> services = results.exports().stream()
                .sorted(Comparator.comparing(SubjectExport::service))
                .map(e -> new ServiceSection(e.service(), categories(e, retention, language)))
                .filter(s -> !s.categories().isEmpty()).toList();
        Page page = new Page(language.tag, results.requestId().toString(),
                language.date(results.receivedAt(), config.zone()), language.date(results.dueAt(), config.zone()),
                language.date(results.completedAt(), config.zone()), services);
        return new report(page).setLocale(Locale.forLanguageTag(language.tag)).render();
    }

    private static List<CategorySection> categories(SubjectExport export, RetentionTerms retention, Language language) {
        // The schedule is how long data is kept, not data about the person: it feeds every category's retention.
        return export.categories().stream().filter(c -> !RetentionTerms.isSchedule(c))
                .filter(c -> !c.records().isEmpty())
                .map(c -> new CategorySection(title(c), text(c.purpose()), text(c.legalBasis()),
                        retention.describe(c.retentionCategory(), language), text(c.source()),
                        String.join(", ", c.recipients()), c.records().stream().map(AccessReport::fields).toList()))
                .toList();
    }

    private static List<FieldValue> fields(Map<String, Object> record) {
        List<FieldValue> out = new ArrayList<>();
        record.forEach((field, value) -> out.add(new FieldValue(field, value == null ? "" : String.valueOf(value))));
        return out;
    }

    private static String title(ExportCategory category) {
        return category.title() == null || category.title().isBlank() ? text(category.name()) : category.title();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
