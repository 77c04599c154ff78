package eu.privacysuite.shared.subject;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import eu.privacysuite.shared.security.HmacSha256;

/**
 * The subject key: base64url(HMAC-SHA-256(pepper, normalize(email))). Every row tied to a person
 * stores it instead of the email, and events carry it instead of personal data.
 */
@ApplicationScoped
public class SubjectKeys {

    private final HmacSha256 pepper;

    public SubjectKeys(@ConfigProperty(name = "privacy.subject.pepper") String pepper) {
        if (pepper == null || pepper.length() < 16) {
            throw new IllegalStateException("privacy.subject.pepper must be a secret of at least 16 characters");
        }
        this.pepper = new HmacSha256(pepper.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Trim, Unicode NFC, lower case, and the domain in its ASCII (IDNA) form: "  Jane.Doe@Example.ORG " and
     * "jane.doe@example.org" are one subject, and so are "jane@exämple.org" and "jane@xn--exmple-cua.org".
     */
    public static String normalize(String email) {
        String text = Normalizer.normalize(email.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        try {
            return text.substring(0, at + 1) + IDN.toASCII(text.substring(at + 1)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return text; // not a domain IDNA can write: kept as typed, it can match only itself
        }
    }

    public String forEmail(String email) {
        return hmac(normalize(email));
    }

    /**
     * The mark an erasure leaves behind so that a replayed older event cannot bring the subject back.
     * It is a second keyed hash, so the erased subject's key itself is not kept.
     */
    public String tombstone(String subjectKey) {
        return hmac("tombstone|" + subjectKey);
    }

    private String hmac(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(pepper.of(value));
    }
}
