package eu.privacysuite.shared.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals personal data that must travel on the bus: AES-256-GCM, written as {@code keyId:base64url(iv|ciphertext)}.
 * Keys come from {@code privacy.bus.keys} as {@code id:base64key,id:base64key}; the first one seals, all open,
 * so a key can be rotated without losing events sealed under the previous one. JCA does the cryptography.
 */
@ApplicationScoped
public class SealedFields {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    public SealedFields(@ConfigProperty(name = "privacy.bus.keys") String configuredKeys) {
        this.keys = parse(configuredKeys);
        this.activeKeyId = keys.keySet().iterator().next();
    }

    public String seal(String plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return activeKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Opens a sealed field; a wrong key, a tampered value or other associated data fails. */
    public String open(String sealed, String associatedData) {
        int colon = sealed.indexOf(':');
        SecretKey key = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
        if (key == null) {
            throw new SealedFieldException("sealed with an unknown key");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedFieldException("sealed field cannot be opened");
        }
    }

    private static Map<String, SecretKey> parse(String configured) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("privacy.bus.keys entries are keyId:base64Key");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalStateException("privacy.bus.keys key " + parts[0] + " is not 256 bits");
            }
            parsed.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("privacy.bus.keys holds no key");
        }
        return parsed;
    }
}
