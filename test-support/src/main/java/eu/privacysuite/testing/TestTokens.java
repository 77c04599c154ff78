package eu.privacysuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * A key pair made for this test run, as the local stack makes one at first start: the service verifies with the
 * public PEM, the tests sign their tokens with the private one. Nothing is committed.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "privacy-suite";

    @Override
    public Map<String, String> start() {
        try {
            KeyPair keys = rsaKeyPair();
            Path dir = Files.createTempDirectory("privacy-test-jwt");
            Path publicKey = dir.resolve("public.pem");
            Path privateKey = dir.resolve("private.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return Map.of("mp.jwt.verify.publickey.location", publicKey.toString(),
                    "smallrye.jwt.sign.key.location", privateKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    public static String controller() {
        return withGroups(Set.of("privacy-controller"));
    }

    public static String auditor() {
        return withGroups(Set.of("privacy-auditor"));
    }

    public static String withGroups(Set<String> groups) {
        return Jwt.issuer(ISSUER).subject("test-operator").groups(groups).expiresIn(300).sign();
    }

    /** A well-formed token with the right claims, signed by a key the service does not trust. */
    public static String signedByAnotherKey() {
        PrivateKey stranger = rsaKeyPair().getPrivate();
        return Jwt.issuer(ISSUER).subject("test-operator").groups(Set.of("privacy-controller")).expiresIn(300)
                .sign(stranger);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
