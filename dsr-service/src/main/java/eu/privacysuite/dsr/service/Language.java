package eu.privacysuite.dsr.service;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.problem.ProblemException;

/** The two languages the results are written in, with the words that are computed rather than templated. */
public enum Language {
    FR(Locale.FRENCH, "fr"), EN(Locale.UK, "en");

    public final Locale locale;
    public final String tag;

    Language(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    /** {@code fr} (the default: the policy is French) or {@code en}; anything else is a 400. */
    public static Language of(String lang) {
        if (lang == null || lang.isBlank() || lang.equals("fr")) {
            return FR;
        }
        if (lang.equals("en")) {
            return EN;
        }
        throw new ProblemException(Status.BAD_REQUEST, "Unknown language; use lang=fr or lang=en.");
    }

    private String say(String fr, String en) {
        return this == FR ? fr : en;
    }

    public String date(Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone));
    }

    public String dateTime(Instant at, ZoneId zone) {
        return at == null ? ""
                : say("le ", "on ") + date(at, zone) + say(" à ", " at ")
                        + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }

    /** What the person asked for, in words. */
    public String request(DsrAction type) {
        return switch (type) {
            case ACCESS -> say("l'accès à vos données personnelles", "access to your personal data");
            case PORTABILITY -> say("la portabilité de vos données personnelles", "portability of your personal data");
            case ERASURE -> say("l'effacement de vos données personnelles", "erasure of your personal data");
            case RECTIFICATION -> say("la rectification de vos données personnelles", "rectification of your personal data");
            case RESTRICTION -> say("la limitation du traitement de vos données", "restriction of the processing of your data");
            case RESTRICTION_LIFTED -> say("la levée de la limitation du traitement de vos données",
                    "lifting the restriction of the processing of your data");
            case OBJECTION -> say("votre opposition au traitement de vos données à des fins de prospection",
                    "your objection to the processing of your data for direct marketing");
            case AUTOMATED_DECISION -> say("votre droit de ne pas faire l'objet d'une décision fondée exclusivement "
                    + "sur un traitement automatisé", "your right not to be subject to a decision based solely on "
                    + "automated processing");
            case POST_MORTEM_DIRECTIVE -> say("vos directives relatives au sort de vos données après votre décès",
                    "your directives on what becomes of your data after your death");
            case BREACH_SCOPE -> throw new IllegalArgumentException("BREACH_SCOPE is not a request type");
        };
    }

    /** What one service did with {@code count} records for a request of this type. */
    public String done(DsrAction type, long count) {
        String n = count + " " + say(count > 1 ? "enregistrements" : "enregistrement", count == 1 ? "record" : "records");
        return switch (type) {
            case ACCESS, PORTABILITY -> say(n + " exporté" + (count > 1 ? "s" : ""), "exported " + n);
            case ERASURE -> say(n + " effacé" + (count > 1 ? "s" : ""), "erased " + n);
            case RECTIFICATION -> say(n + " rectifié" + (count > 1 ? "s" : ""), "corrected " + n);
            case RESTRICTION -> say("traitement limité pour " + n, "restricted the processing of " + n);
            case RESTRICTION_LIFTED -> say("limitation levée pour " + n, "lifted the restriction of " + n);
            case OBJECTION -> say("prospection arrêtée pour " + n, "stopped direct marketing for " + n);
            case AUTOMATED_DECISION, POST_MORTEM_DIRECTIVE -> say("demande traitée", "answered");
            case BREACH_SCOPE -> throw new IllegalArgumentException("BREACH_SCOPE is not a request type");
        };
    }

    public String nothingFound(DsrAction type) {
        return switch (type) {
            case AUTOMATED_DECISION -> say("ne prend aucune décision fondée exclusivement sur un traitement automatisé",
                    "makes no decision based solely on automated processing");
            case POST_MORTEM_DIRECTIVE -> say("ne conserve aucune directive", "keeps no directive");
            default -> say("ne détient aucune donnée vous concernant", "holds no data about you");
        };
    }

    /** An ISO-8601 retention period ({@code P3Y}, {@code P13M}, {@code P30D}, {@code PT24H}) in words. */
    public String period(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        try {
            if (iso.startsWith("PT")) {
                Duration d = Duration.parse(iso);
                add(parts, d.toHours(), "heure", "heures", "hour", "hours");
                add(parts, d.toMinutesPart(), "minute", "minutes", "minute", "minutes");
            } else {
                Period p = Period.parse(iso);
                add(parts, p.getYears(), "an", "ans", "year", "years");
                add(parts, p.getMonths(), "mois", "mois", "month", "months");
                add(parts, p.getDays(), "jour", "jours", "day", "days");
            }
        } catch (DateTimeParseException e) {
            return iso; // shown as the schedule wrote it
        }
        if (parts.isEmpty()) {
            return say("aucune conservation", "not kept");
        }
        String last = parts.remove(parts.size() - 1);
        return parts.isEmpty() ? last : String.join(", ", parts) + say(" et ", " and ") + last;
    }

    private void add(List<String> parts, long n, String frOne, String frMany, String enOne, String enMany) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? say(frOne, enOne) : say(frMany, enMany)));
        }
    }

    /** What the schedule does at the end of the period. */
    public String then(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "DELETE" -> say("puis supprimées", "then deleted");
            case "ANONYMIZE" -> say("puis anonymisées", "then anonymised");
            default -> action;
        };
    }
}
