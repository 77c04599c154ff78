package eu.privacysuite.shared.rest;

/**
 * The rule for text a client sends: no control character (C0, DEL, C1: NUL, ESC, BEL...), no line or paragraph
 * separator, no lone UTF-16 surrogate (PostgreSQL would refuse the first, the driver would silently mangle the
 * last). A {@link MultilineText} field may also hold tab, line feed and carriage return.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True when {@code text} breaks the rule; null is not text and breaks nothing. */
    public static boolean breaks(String text, boolean multiline) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
