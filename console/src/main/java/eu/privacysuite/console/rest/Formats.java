package eu.privacysuite.console.rest;

import io.quarkus.qute.TemplateExtension;

/** How the pages write the services' values: {@code {fmt:day(r.receivedAt)}}, {@code {fmt:shortId(r.id)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    /** The date of an ISO-8601 instant (UTC), as the services send it. */
    static String day(Object instant) {
        return instant == null ? "" : instant.toString().substring(0, Math.min(10, instant.toString().length()));
    }

    /** Date and minute, UTC. */
    static String minute(Object instant) {
        String s = instant == null ? "" : instant.toString();
        return s.length() < 16 ? s : s.substring(0, 10) + " " + s.substring(11, 16) + " UTC";
    }

    /** The first 8 characters of an id: enough to tell requests apart in a list. */
    static String shortId(Object id) {
        String s = String.valueOf(id);
        return s.substring(0, Math.min(8, s.length()));
    }

    /** The text {@code prefix + value} in the page's language: {@code {fmt:label(t, 'status_', r.status)}}. */
    static String label(java.util.Map<String, String> texts, String prefix, Object value) {
        String text = value == null ? null : texts.get(prefix + value);
        return text == null ? String.valueOf(value) : text;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
