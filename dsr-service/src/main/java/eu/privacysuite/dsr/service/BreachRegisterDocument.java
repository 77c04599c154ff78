package eu.privacysuite.dsr.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.dsr.config.BreachConfig;
import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachAuditEntry;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The register as a document a person reads (plain text, English): every breach, oldest first, with all its
 * fields, its place on the 72-hour clock, and its audit trail with the chain's verdict.
 */
@ApplicationScoped
public class BreachRegisterDocument {

    /** One breach, every value already written out. */
    public record Entry(String id, String recordedAt, String recordedBy, String occurredAt, String awareAt,
            String natures, String dataCategories, String retentionCategories, String window, int approxSubjects,
            int approxRecords, String description, String consequences, String measures, String dpoContact,
            String risk, String riskReasons, String notificationDueAt, String notificationState, String notifiedAt,
            String lateReason, String trailVerdict, List<String> trail) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(String generatedAt, int count, List<Entry> breaches);
    }

    private final Breaches breaches;
    private final BreachAuditTrail audit;
    private final BreachConfig config;
    private final Clock clock;

    public BreachRegisterDocument(Breaches breaches, BreachAuditTrail audit, BreachConfig config, Clock clock) {
        this.breaches = breaches;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public String render() {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)
                .withZone(config.zone());
        List<Entry> entries = breaches.register().stream().map(r -> entry(r, dates)).toList();
        return Templates.register(date(dates, Instant.now(clock)), entries.size(), entries).render();
    }

    private Entry entry(Breaches.Registered r, DateTimeFormatter dates) {
        Breach b = r.breach();
        BreachAuditTrail.Trail trail = audit.read(b.id).orElseThrow();
        List<String> lines = trail.entries().stream()
                .map((BreachAuditEntry e) -> date(dates, e.at) + " - " + e.actor + " - " + e.event).toList();
        String window = b.windowFrom == null && b.windowUntil == null ? "all records, whenever made"
                : "records made from " + (b.windowFrom == null ? "the start" : date(dates, b.windowFrom)) + " to "
                        + (b.windowUntil == null ? "now" : date(dates, b.windowUntil));
        return new Entry(b.id.toString(), date(dates, b.recordedAt), b.recordedBy, date(dates, b.occurredAt),
                date(dates, b.awareAt), String.join(", ", b.natures), String.join(", ", b.dataCategories),
                b.retentionCategories.isEmpty() ? "none of the suite's" : String.join(", ", b.retentionCategories),
                window, b.approxSubjects, b.approxRecords, b.description, b.consequences, b.measures, b.dpoContact,
                b.risk.name(), b.riskReasons, date(dates, r.notificationDueAt()), r.state().name(),
                b.cnilNotifiedAt == null ? "not notified" : date(dates, b.cnilNotifiedAt),
                b.lateReason == null ? "-" : b.lateReason,
                trail.verdict().intact() ? "the hash chain verifies"
                        : "THE HASH CHAIN IS BROKEN at entry " + trail.verdict().brokenAt() + ": "
                                + trail.verdict().problem(),
                lines);
    }

    private String date(DateTimeFormatter dates, Instant at) {
        return dates.format(at) + " " + config.zone().getId();
    }
}
