package eu.privacysuite.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import eu.privacysuite.shared.security.HmacSha256;

/**
 * Visitor ids the server issues and signs: {@code v1.<uuid>.<mac>}, HMAC-SHA-256 with a key derived from the
 * suite's pepper under its own label. Only the browser that got the token can change that visitor's consent.
 */
@ApplicationScoped
public class VisitorIds {

    private static final String PREFIX = "v1.";
    private final HmacSha256 key;

    public VisitorIds(@ConfigProperty(name = "privacy.subject.pepper") String pepper) {
        this.key = new HmacSha256(pepper.getBytes(StandardCharsets.UTF_8)).derive("consent-visitor-id-v1");
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
        return Arrays.copyOf(key.of(visitorId.toString()), 16);
    }
}
