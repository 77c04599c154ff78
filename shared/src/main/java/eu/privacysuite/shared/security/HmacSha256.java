package eu.privacysuite.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under one key, the one place for the values the services key on every request: the subject key of an
 * email, the signature of a visitor token, the rate limiter's bucket id. Each thread keeps a {@link Mac} already
 * initialised with the key ({@link Mac} is not thread-safe, and {@code doFinal} leaves it ready for the next value),
 * which saves about half a microsecond a value: too little to see on a request (docs/performance.md, "The read's
 * small levers").
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs;

    public HmacSha256(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        newMac(spec); // a key the JDK refuses fails here, at start-up, not on a request
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    public byte[] of(byte[] message) {
        return macs.get().doFinal(message);
    }

    public byte[] of(String message) {
        return of(message.getBytes(StandardCharsets.UTF_8));
    }

    /** A key of its own for one use, derived from this one under a label: HMAC-SHA-256 keyed by {@code of(label)}. */
    public HmacSha256 derive(String label) {
        return new HmacSha256(of(label));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
