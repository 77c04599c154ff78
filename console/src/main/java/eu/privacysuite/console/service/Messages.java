package eu.privacysuite.console.service;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The console's texts in French and English (messages/console_fr.properties, console_en.properties), as maps the
 * templates read: {@code {t.inbox_title}}. A key missing in one language is a build failure of MessagesTest, not a
 * blank on a page.
 */
public final class Messages {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final Map<String, Map<String, String>> CACHE = new HashMap<>();

    private Messages() {
    }

    public static synchronized Map<String, String> of(Locale locale) {
        return CACHE.computeIfAbsent(locale.getLanguage(), language -> {
            ResourceBundle bundle = ResourceBundle.getBundle("messages.console", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new HashMap<>();
            bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
            return Collections.unmodifiableMap(texts);
        });
    }
}
