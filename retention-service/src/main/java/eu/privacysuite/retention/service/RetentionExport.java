package eu.privacysuite.retention.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.Config;

import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.domain.LedgerEntry;
import eu.privacysuite.retention.domain.LedgerEntryRepository;
import eu.privacysuite.retention.domain.LegalHold;
import eu.privacysuite.retention.domain.LegalHoldRepository;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.ServiceName;
import io.quarkus.panache.common.Sort;

/**
 * What retention-service holds about a subject: the ledger entries of their records (category, record id, the
 * clock event, the due date, whether a hold covers it), the holds on them, and, when there is at least one entry,
 * the category {@code retention-schedule}: one row per category of the schedule, with {@code category},
 * {@code keep} (the ISO-8601 period as configured), {@code action} and {@code legalBasis} first. dsr-service joins
 * the other participants' {@code retentionCategory} with these rows to state retention periods in its report. The
 * whole schedule, not only the categories of the subject's entries: some records have clocks the ledger cannot tie
 * to the subject (a consent proof is clocked by visitor, and only consent-service knows the visitor is theirs), and
 * their retention period is owed to the person all the same (GDPR art. 15(1)(d)). These rows count among the records
 * exported.
 */
@ApplicationScoped
public class RetentionExport {

    static final String SCHEDULE = "retention-schedule";

    private final LedgerEntryRepository ledger;
    private final LegalHoldRepository holds;
    private final RetentionSchedule schedule;
    private final Config config;
    private final ServiceName service;

    public RetentionExport(LedgerEntryRepository ledger, LegalHoldRepository holds, RetentionSchedule schedule, Config config,
            ServiceName service) {
        this.service = service;
        this.ledger = ledger;
        this.holds = holds;
        this.schedule = schedule;
        this.config = config;
    }

    @Transactional(TxType.MANDATORY)
    public SubjectExport of(String subjectKey) {
        List<LedgerEntry> entries = ledger.list("subjectKey", Sort.ascending("category", "recordId"), subjectKey);
        List<LegalHold> covering = holds.coveringSubject(subjectKey);
        List<ExportCategory> categories = new ArrayList<>();
        if (!entries.isEmpty()) {
            categories.add(new ExportCategory("retention-clocks", "When your records are due for deletion", null,
                    PolicyTexts.CLOCKS_PURPOSE, PolicyTexts.LEGAL_OBLIGATION_BASIS, PolicyTexts.CLOCKS_SOURCE,
                    PolicyTexts.RECIPIENTS, entries.stream().map(e -> row(e, covering)).toList()));
        }
        if (!covering.isEmpty()) {
            categories.add(new ExportCategory("legal-holds", "Holds on the deletion of your records", null,
                    PolicyTexts.HOLDS_PURPOSE, PolicyTexts.LEGAL_OBLIGATION_BASIS, PolicyTexts.HOLDS_SOURCE,
                    PolicyTexts.RECIPIENTS, covering.stream().map(RetentionExport::row).toList()));
        }
        if (!entries.isEmpty()) {
            categories.add(new ExportCategory(SCHEDULE, "Retention periods", null, PolicyTexts.SCHEDULE_PURPOSE,
                    PolicyTexts.LEGAL_OBLIGATION_BASIS, PolicyTexts.SCHEDULE_SOURCE, PolicyTexts.RECIPIENTS,
                    scheduleRows()));
        }
        return new SubjectExport(service.get(), categories);
    }

    private List<Map<String, Object>> scheduleRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String category : new TreeSet<>(schedule.categories().keySet())) {
            CategoryRule rule = schedule.categories().get(category);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", category);
            row.put("keep", config.getOptionalValue("retention.categories." + category + ".keep", String.class)
                    .map(String::strip).orElse(rule.keep().toString()));
            row.put("action", rule.action().name());
            row.put("legalBasis", rule.legalBasis().get("en"));
            row.put("owner", rule.owner());
            row.put("startsOn", rule.startsOn().stream().map(Enum::name).collect(Collectors.joining(",")));
            row.put("description", rule.description().get("en"));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> row(LedgerEntry e, List<LegalHold> covering) {
        boolean held = covering.stream().anyMatch(h -> h.covers(e));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("category", e.category);
        row.put("service", e.service);
        row.put("recordId", e.recordId);
        row.put("clockEvent", e.clockEvent.name());
        row.put("clockStartedAt", iso(e.clockStartedAt));
        row.put("dueAt", iso(e.dueAt));
        row.put("held", held);
        row.put("purgeOrdered", e.purgeOrderId != null);
        return row;
    }

    private static Map<String, Object> row(LegalHold h) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scope", h.subjectKey != null ? "SUBJECT" : "RECORD");
        row.put("category", h.category);
        row.put("recordId", h.recordId);
        row.put("reason", h.reason);
        row.put("placedAt", iso(h.placedAt));
        row.put("liftedAt", iso(h.liftedAt));
        return row;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
