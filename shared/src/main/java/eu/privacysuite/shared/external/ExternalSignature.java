package eu.privacysuite.shared.external;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every message between the suite and a system outside it (docs/external-systems.md): dsr-service's
 * commands to external participants and their callbacks, and the retention feeds retention-service takes from
 * external systems. HMAC-SHA256, keyed with the system's shared secret (its UTF-8 bytes), over the
 * ASCII decimal Unix time in seconds, a full stop, and the body's exact bytes; sent as
 * {@code X-Privacy-Timestamp: <seconds>} and {@code X-Privacy-Signature: sha256=<lower-case hex>}. The JDK's
 * {@link Mac} does the cryptography; the comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class ExternalSignature {

    public static final String TIMESTAMP_HEADER = "X-Privacy-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Privacy-Signature";
    private static final String PREFIX = "sha256=";

    private ExternalSignature() {
    }

    /** The signature header's value for this body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether the headers sign this body with this key, at a time within {@code window} of {@code now}. A missing
     * or malformed header is simply not a valid signature.
     */
    public static boolean valid(String key, String timestampHeader, String signatureHeader, byte[] body, Instant now,
            Duration window) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("[0-9]{1,12}")
                || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return false;
        }
        byte[] expected = sign(key, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    /** A digest of a signature, to remember a callback already taken without keeping the signature itself. */
    public static String fingerprint(String signatureHeader) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signatureHeader.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
