package eu.privacysuite.retention.service;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.privacysuite.retention.config.RetentionPeriod;
import eu.privacysuite.retention.config.RetentionSchedule.CategoryRule;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.PurgeAction;

/** The schedule as the table of a privacy notice, in English or French, as Markdown or HTML. */
public final class PolicyTable {

    public static final List<String> LANGUAGES = List.of("en", "fr");

    private static final Map<String, List<String>> HEADERS = Map.of(
            "en", List.of("Data", "Kept for", "Counted from", "Then", "Legal basis"),
            "fr", List.of("Données", "Durée de conservation", "À compter de", "Ensuite", "Base légale"));

    private static final Map<ClockEvent, List<String>> EVENTS = Map.of(
            ClockEvent.COLLECTED, List.of("collection", "la collecte"),
            ClockEvent.LAST_CONTACT, List.of("last contact", "le dernier contact"),
            ClockEvent.UNSUBSCRIBED, List.of("unsubscription", "la désinscription"),
            ClockEvent.CONSENT_GIVEN, List.of("consent given", "le recueil du consentement"),
            ClockEvent.CONTRACT_ENDED, List.of("end of the contract", "la fin du contrat"),
            ClockEvent.REQUEST_CLOSED, List.of("closure of the request", "la clôture de la demande"),
            ClockEvent.VERIFIED, List.of("identity verification", "la vérification d'identité"));

    /** One row per category: cells already in the language, not escaped. */
    public static List<List<String>> rows(Map<String, CategoryRule> rules, String language) {
        int l = LANGUAGES.indexOf(language);
        List<List<String>> rows = new ArrayList<>();
        rules.forEach((category, rule) -> rows.add(List.of(rule.description().get(language), keep(rule.keep(), l),
                rule.startsOn().stream().map(e -> EVENTS.get(e).get(l)).collect(Collectors.joining(l == 0 ? " or " : " ou ")),
                action(rule.action(), l), rule.legalBasis().get(language))));
        return rows;
    }

    public static String markdown(Map<String, CategoryRule> rules, String language) {
        StringBuilder out = new StringBuilder();
        List<String> headers = HEADERS.get(language);
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        rows(rules, language).forEach(row -> out.append("| ")
                .append(row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n"));
        return out.toString();
    }

    public static String html(Map<String, CategoryRule> rules, String language) {
        StringBuilder out = new StringBuilder("<table class=\"retention-schedule\" lang=\"" + language + "\">\n<thead><tr>");
        HEADERS.get(language).forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        rows(rules, language).forEach(row -> {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
            out.append("</tr>\n");
        });
        return out.append("</tbody>\n</table>\n").toString();
    }

    static String keep(RetentionPeriod keep, int l) {
        if (keep.duration() != null) {
            Duration d = keep.duration();
            return d.toMinutes() % 60 == 0 && d.toHours() > 0 ? count(d.toHours(), l == 0 ? "hour" : "heure", l)
                    : count(d.toMinutes(), "minute", l);
        }
        Period p = keep.period();
        if (p.isZero()) {
            return l == 0 ? "none: purged at once" : "aucune : purgées aussitôt";
        }
        List<String> parts = new ArrayList<>();
        if (p.getYears() > 0) {
            parts.add(count(p.getYears(), l == 0 ? "year" : "an", l));
        }
        if (p.getMonths() > 0) {
            parts.add(l == 0 ? count(p.getMonths(), "month", l) : p.getMonths() + " mois");
        }
        if (p.getDays() > 0) {
            parts.add(count(p.getDays(), l == 0 ? "day" : "jour", l));
        }
        return String.join(l == 0 ? " and " : " et ", parts);
    }

    private static String count(long n, String unit, int l) {
        return n + " " + unit + (n > 1 ? "s" : "");
    }

    private static String action(PurgeAction action, int l) {
        return switch (action) {
            case DELETE -> l == 0 ? "deleted" : "supprimées";
            case ANONYMIZE -> l == 0 ? "anonymized" : "anonymisées";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private PolicyTable() {
    }
}
