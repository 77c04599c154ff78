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

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A key pair made for this test run, as the local stack makes one at first start: the service verifies with the
 * public PEM, the tests sign their tokens with the private one. Nothing is committed. The tokens carry the issuer
 * and the audience the service under test checks (its {@code %test} issuer, its own name), an {@code iat} of now
 * and a five-minute lifetime.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    /** The subject (principal name) of every token made here unless a test names another. */
    public static final String SUBJECT = "test-operator";

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

    /** A controller's token whose subject is {@code subject}: what the audit trail must name. */
    public static String controllerNamed(String subject) {
        return claims(Set.of("privacy-controller")).subject(subject).sign();
    }

    public static String withGroups(Set<String> groups) {
        return claims(groups).sign();
    }

    /** A well-formed token with the right claims, signed by a key the service does not trust. */
    public static String signedByAnotherKey() {
        PrivateKey stranger = rsaKeyPair().getPrivate();
        return claims(Set.of("privacy-controller")).sign(stranger);
    }

    /** The claims of a good token, for a test to change one of them before signing. */
    public static JwtClaimsBuilder claims(Set<String> groups) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer()).audience(audience()).subject(SUBJECT).groups(groups).issuedAt(now)
                .expiresAt(now + 300);
    }

    /** The issuer the service under test accepts ({@code mp.jwt.verify.issuer}). */
    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    /** The (first) audience the service under test accepts: its own name. */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class).split(",")[0].trim();
    }

    static KeyPair rsaKeyPair() {
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
