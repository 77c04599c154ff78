package eu.privacysuite.dsr.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.dsr.config.BreachConfig;
import eu.privacysuite.dsr.domain.Breach;
import eu.privacysuite.dsr.domain.BreachNature;
import eu.privacysuite.dsr.domain.BreachRisk;
import eu.privacysuite.dsr.domain.NotificationState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The notification to the CNIL in French, with every field GDPR art. 33(3) asks for (the nature of the breach with
 * the categories and approximate numbers of people and records, the DPO's contact, the likely consequences, the
 * measures), the dates, and the reasons for a delay past 72 hours (art. 33(1)): ready to be pasted into the CNIL's
 * online form. A field not yet known is written "à compléter", never left out.
 */
@ApplicationScoped
public class CnilNotification {

    static final String TO_COMPLETE = "à compléter";

    private static final Map<BreachNature, String> NATURES = Map.of(
            BreachNature.CONFIDENTIALITY, "perte de confidentialité (accès ou divulgation non autorisés)",
            BreachNature.INTEGRITY, "perte d'intégrité (modification non autorisée)",
            BreachNature.AVAILABILITY, "perte de disponibilité (destruction ou perte d'accès)");
    private static final Map<String, String> CATEGORIES = Map.of(
            "PROSPECT", "demandes de contact (prospects)",
            "NEWSLETTER", "abonnés à la lettre d'information",
            "MINOR_HOLD", "demandes de mineurs mises en attente",
            "COOKIE_CONSENT", "consentements aux cookies",
            "DSR_CASE", "demandes d'exercice des droits",
            "IDENTITY_DOCUMENT", "pièces d'identité fournies avec une demande");
    private static final Map<BreachRisk, String> RISKS = Map.of(
            BreachRisk.NONE, "violation non susceptible d'engendrer un risque pour les droits et libertés",
            BreachRisk.RISK, "risque pour les droits et libertés des personnes",
            BreachRisk.HIGH_RISK, "risque élevé pour les droits et libertés des personnes");

    /** Every line of the text, already in French. */
    public record Text(String reference, String controller, String dpo, String occurred, String aware, String due,
            String delay, String natures, String description, String dataCategories, String retentionCategories,
            String window, int subjects, int records, String consequences, String measures, String risk,
            String riskReasons, String people, String sent) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cnil(Text text);
    }

    private final BreachConfig config;

    public CnilNotification(BreachConfig config) {
        this.config = config;
    }

    public String text(Breaches.Registered registered) {
        Breach b = registered.breach();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
                .withZone(config.zone());
        String delay = switch (registered.state()) {
            case NOTIFIED_LATE -> "Notification effectuée au-delà de 72 heures. Motifs du retard : " + b.lateReason;
            case OVERDUE -> "Le délai de 72 heures est dépassé. Motifs du retard : " + TO_COMPLETE;
            default -> "Notification dans le délai de 72 heures.";
        };
        Text text = new Text(b.id.toString(), config.controllerIdentity().orElse(TO_COMPLETE), b.dpoContact,
                date(dates, b.occurredAt), date(dates, b.awareAt), date(dates, registered.notificationDueAt()), delay,
                b.natureList().stream().map(NATURES::get).collect(Collectors.joining(" ; ")), b.description,
                String.join(", ", b.dataCategories),
                b.retentionCategories.isEmpty() ? "aucune catégorie de la suite"
                        : b.retentionCategories.stream().map(c -> CATEGORIES.getOrDefault(c, c))
                                .collect(Collectors.joining(", ")),
                window(dates, b.windowFrom, b.windowUntil), b.approxSubjects, b.approxRecords, b.consequences,
                b.measures, RISKS.get(b.risk), b.riskReasons,
                b.risk == BreachRisk.HIGH_RISK ? "Oui : le risque est élevé, les personnes concernées seront informées "
                        + "individuellement dans les meilleurs délais (art. 34)."
                        : "Non : le risque n'est pas élevé (art. 34(1)).",
                b.cnilNotifiedAt == null ? "non encore envoyée" : "envoyée le " + date(dates, b.cnilNotifiedAt));
        return Templates.cnil(text).render();
    }

    /** "1er décembre 2026 à 09:30 (heure de Paris)": French writes the first of the month "1er". */
    private String date(DateTimeFormatter dates, Instant at) {
        String day = at.atZone(config.zone()).getDayOfMonth() == 1 ? "1er" : "";
        String written = dates.format(at);
        return (day.isEmpty() ? written : day + written.substring(1)) + " (" + zoneName(config.zone()) + ")";
    }

    private String window(DateTimeFormatter dates, Instant from, Instant until) {
        if (from == null && until == null) {
            return "toutes les données détenues, sans limite de date";
        }
        return "données enregistrées " + (from == null ? "" : "du " + date(dates, from) + " ")
                + (until == null ? "jusqu'à aujourd'hui" : "au " + date(dates, until));
    }

    private static String zoneName(ZoneId zone) {
        return zone.getId().equals("Europe/Paris") ? "heure de Paris" : "fuseau " + zone.getId();
    }
}
