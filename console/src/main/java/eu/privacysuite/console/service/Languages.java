package eu.privacysuite.console.service;

import java.util.List;
import java.util.Locale;

/**
 * The page's language: the user's choice (the {@value #COOKIE} cookie), else the browser's (Accept-Language, the
 * first of its ranges the console speaks), else English. A malformed Accept-Language is refused, not guessed.
 */
public final class Languages {

    public static final String COOKIE = "console-lang";
    private static final List<Locale> SPOKEN = List.of(Messages.FRENCH, Messages.ENGLISH);

    private Languages() {
    }

    public static Locale choose(String cookie, String acceptLanguage) {
        if ("fr".equals(cookie) || "en".equals(cookie)) {
            return Locale.forLanguageTag(cookie);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            // A malformed header throws IllegalArgumentException: the page answers 400 (Page.locale).
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SPOKEN);
            if (match != null) {
                return match;
            }
        }
        return Messages.ENGLISH;
    }

    /** A language the user may choose: fr or en, nothing else. */
    public static boolean spoken(String language) {
        return "fr".equals(language) || "en".equals(language);
    }
}
