package eu.privacysuite.contact.service;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long contact's records are kept, in words, as the notice and the mails state it. The figures are the
 * retention schedule's own: the same configuration keys as retention-service's (so one variable,
 * RETENTION_CATEGORIES_PROSPECT_KEEP, sets both), never a figure written in a text.
 */
@ApplicationScoped
public class RetentionTerms {

    private final String prospect;
    private final String newsletter;

    public RetentionTerms(@ConfigProperty(name = "retention.categories.PROSPECT.keep") String prospect,
            @ConfigProperty(name = "retention.categories.NEWSLETTER.keep") String newsletter) {
        // Read once, so a figure that is not ISO-8601 stops the start, not a visitor's request.
        inWords(prospect, Languages.DEFAULT);
        inWords(newsletter, Languages.DEFAULT);
        this.prospect = prospect;
        this.newsletter = newsletter;
    }

    /** Requests and the prospect file: from collection or the last contact ("3 ans", "18 months"). */
    public String prospect(String language) {
        return inWords(prospect, language);
    }

    /** Newsletter subscriptions: after the unsubscription. */
    public String newsletter(String language) {
        return inWords(newsletter, language);
    }

    /** P3Y, P18M, P1Y6M, P30D, or a duration for a demonstration (PT2M), in words in fr or en. */
    static String inWords(String iso, String language) {
        String value = iso.strip().toUpperCase(Locale.ROOT);
        List<long[]> parts = new ArrayList<>(); // {amount, unit index}
        if (value.contains("T")) {
            Duration d = Duration.parse(value);
            long seconds = d.toSeconds();
            if (seconds % 86_400 == 0) {
                parts.add(new long[] { seconds / 86_400, 2 });
            } else if (seconds % 3_600 == 0) {
                parts.add(new long[] { seconds / 3_600, 3 });
            } else if (seconds % 60 == 0) {
                parts.add(new long[] { seconds / 60, 4 });
            } else {
                parts.add(new long[] { seconds, 5 });
            }
        } else {
            Period p = Period.parse(value);
            long[] amounts = { p.getYears(), p.getMonths(), p.getDays() };
            for (int unit = 0; unit < amounts.length; unit++) {
                if (amounts[unit] != 0) {
                    parts.add(new long[] { amounts[unit], unit });
                }
            }
            if (parts.isEmpty()) {
                parts.add(new long[] { 0, 2 });
            }
        }
        String lang = Languages.orDefault(language);
        ResourceBundle words = ResourceBundle.getBundle("periods", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> phrases = new ArrayList<>();
        for (long[] part : parts) {
            String[] forms = words.getString("unit" + part[1]).split("\\|");
            // French puts 0 and 1 in the singular, English only 1.
            boolean singular = part[0] == 1 || (part[0] == 0 && lang.equals("fr"));
            phrases.add(part[0] + " " + forms[singular ? 0 : 1]);
        }
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        String last = phrases.remove(phrases.size() - 1);
        return String.join(", ", phrases) + " " + words.getString("and") + " " + last;
    }
}
