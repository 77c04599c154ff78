package eu.privacysuite.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Visitor ids the server issues and signs: {@code v1.<uuid>.<mac>}, HMAC-SHA-256 with a key derived from the
 * suite's pepper under its own label. Only the browser that got the token can change that visitor's consent.
 */
@ApplicationScoped
public class VisitorIds {

    private static final String PREFIX = "v1.";
    private final byte[] key;

    public VisitorIds(@ConfigProperty(name = "privacy.subject.pepper") String pepper) {
        this.key = hmac(pepper.getBytes(StandardCharsets.UTF_8), "consent-visitor-id-v1");
    }

    public UUID issue() {
        return UUID.randomUUID();
    }

    public String sign(UUID visitorId) {
        return PREFIX + visitorId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(visitorId));
    }

    /** The visitor the token names, if its signature holds; empty for anything else. */
    public Optional<UUID> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            UUID visitor = UUID.fromString(parts[0]);
            byte[] given = Base64.getUrlDecoder().decode(parts[1]);
            return MessageDigest.isEqual(given, mac(visitor)) && visitor.toString().equals(parts[0])
                    ? Optional.of(visitor) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(UUID visitorId) {
        return Arrays.copyOf(hmac(key, visitorId.toString()), 16);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
