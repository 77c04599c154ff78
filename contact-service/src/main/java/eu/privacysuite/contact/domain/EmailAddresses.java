package eu.privacysuite.contact.domain;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one written form of a mailbox, so that one mailbox never gets two subject keys: the local part is plain
 * ASCII (no quoted local part, comment or invisible character), the domain is compared in its ASCII (IDNA) form,
 * and both are lower case. Anything else is refused rather than guessed.
 */
public final class EmailAddresses {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 254;

    /** The canonical address ("jane@xn--exmple-cua.org"), or empty when the text is not a plain mailbox. */
    public static Optional<String> canonical(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || hasHiddenCharacters(text)) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            return Optional.empty();
        }
        String local = text.substring(0, at);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return Optional.empty();
        }
        return asciiDomain(text.substring(at + 1)).map(domain -> local.toLowerCase(Locale.ROOT) + "@" + domain);
    }

    private static Optional<String> asciiDomain(String domain) {
        if (domain.endsWith(".") || domain.startsWith("[")) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(Normalizer.normalize(domain, Normalizer.Form.NFC), IDN.USE_STD3_ASCII_RULES)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return labels[labels.length - 1].chars().allMatch(Character::isDigit) ? Optional.empty() : Optional.of(ascii);
    }

    /** Control, format (zero-width, bidi), separator, private-use or unassigned characters, and spaces. */
    private static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED -> true;
            default -> Character.isWhitespace(c);
        });
    }

    private EmailAddresses() {
    }
}
