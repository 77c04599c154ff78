package eu.privacysuite.contact.service;

import java.util.List;
import java.util.Locale;

/** The languages of the site, its mails and its notice: French first (the policy's own), then English. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("fr", "en");
    public static final String DEFAULT = "fr";

    /** The supported language asked for, else the first supported one of an Accept-Language header, else French. */
    public static String pick(String asked, String acceptLanguage) {
        if (asked != null && SUPPORTED.contains(asked.toLowerCase(Locale.ROOT))) {
            return asked.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (SUPPORTED.contains(lang)) {
                        return lang;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no choice at all.
            }
        }
        return DEFAULT;
    }

    public static String orDefault(String language) {
        return language != null && SUPPORTED.contains(language) ? language : DEFAULT;
    }

    /** The path of mail template {@code name} in the language asked for, else in the default one. */
    public static String mailTemplate(String name, String language) {
        return "mail/" + name + "-" + orDefault(language) + ".txt";
    }

    private Languages() {
    }
}
