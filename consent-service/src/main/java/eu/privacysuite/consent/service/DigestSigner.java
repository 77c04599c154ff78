package eu.privacysuite.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.privacysuite.consent.config.ConsentConfig;

/**
 * Signs digests with Ed25519 (the JDK's own implementation). The key is configuration; without one a key is made
 * at start, and since each digest keeps the public key it was signed with, it still verifies after a restart.
 */
@ApplicationScoped
public class DigestSigner {

    private static final Logger LOG = Logger.getLogger(DigestSigner.class);

    private final PrivateKey privateKey;
    private final String publicKey;

    public DigestSigner(ConsentConfig config) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (config.digest().signingKey().isPresent()) {
            privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(config.digest().signingKey().get().trim())));
            publicKey = config.digest().publicKey().orElseThrow(() -> new IllegalStateException(
                    "consent.digest.public-key must be set with consent.digest.signing-key")).trim();
            if (!verify("check", sign("check"), publicKey)) {
                throw new IllegalStateException("consent.digest.public-key does not match consent.digest.signing-key");
            }
        } else {
            LOG.warn("consent.digest.signing-key is not set: digests are signed with a key made for this run");
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            privateKey = pair.getPrivate();
            publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        }
    }

    public String sign(String message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key that verifies what this signer signs (base64 X.509). */
    public String publicKey() {
        return publicKey;
    }

    public static boolean verify(String message, String signatureBase64, String publicKeyBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
