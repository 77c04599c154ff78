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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * A key pair made for this test run, as the local stack makes one at first start: the service verifies with the
 * public PEM, the tests sign their tokens with the private one. Nothing is committed. The tokens carry the issuer
 * and the audience the service under test checks (its {@code %test} issuer, its own name), an {@code iat} of now
 * and a five-minute lifetime.
 * <p>
 * The test JVMs run the quick JIT alone, under which RSA's arithmetic is slow: signing a token per request and a
 * new key pair per Quarkus start took about a tenth of dsr-service's test JVM CPU (docs/benchmarks.md). So the key
 * pairs are made once per test JVM (a Quarkus restart for a test profile keeps the same trusted key), and the tokens
 * of {@link #controller()}, {@link #auditor()}, {@link #withGroups} and {@link #controllerNamed} are signed once per
 * set of claims and reused while at least a minute of their five is left. A test that needs a token of its own
 * builds it with {@link #claims}.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    /** The subject (principal name) of every token made here unless a test names another. */
    public static final String SUBJECT = "test-operator";

    private static final long LIFETIME_SECONDS = 300;
    /** A reused token has at least this long to live: no test request takes a minute. */
    private static final long REUSE_MARGIN_SECONDS = 60;

    /** Signed tokens by groups, subject, issuer and audience. */
    private static final Map<List<Object>, Signed> SIGNED = new ConcurrentHashMap<>();

    private record Signed(String token, long reuseUntil) {
    }

    /** The key pair the services under test trust, made at its first use in this JVM. */
    private static final class Trusted {
        static final KeyPair KEYS = rsaKeyPair();
    }

    /** A key pair no service trusts, made at its first use in this JVM. */
    private static final class Stranger {
        static final KeyPair KEYS = rsaKeyPair();
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPair keys = Trusted.KEYS;
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
        return signed(Set.of("privacy-controller"), subject);
    }

    public static String withGroups(Set<String> groups) {
        return signed(groups, SUBJECT);
    }

    /** A well-formed token with the right claims, signed by a key the service does not trust. */
    public static String signedByAnotherKey() {
        return claims(Set.of("privacy-controller")).sign(strangerKey());
    }

    /** The private key of a pair that no service under test trusts. */
    public static PrivateKey strangerKey() {
        return Stranger.KEYS.getPrivate();
    }

    /** The claims of a good token, for a test to change one of them before signing. */
    public static JwtClaimsBuilder claims(Set<String> groups) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer()).audience(audience()).subject(SUBJECT).groups(groups).issuedAt(now)
                .expiresAt(now + LIFETIME_SECONDS);
    }

    /** A good token for these claims: the one signed earlier while it has time left, else a new one. */
    private static String signed(Set<String> groups, String subject) {
        List<Object> claims = List.of(Set.copyOf(groups), subject, issuer(), audience());
        long now = System.currentTimeMillis() / 1000;
        return SIGNED.compute(claims, (key, earlier) -> earlier != null && now < earlier.reuseUntil() ? earlier
                : new Signed(claims(groups).subject(subject).sign(), now + LIFETIME_SECONDS - REUSE_MARGIN_SECONDS))
                .token();
    }

    /** The issuer the service under test accepts ({@code mp.jwt.verify.issuer}). */
    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    /** The (first) audience the service under test accepts: its own name. */
    public static String audience() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class).split(",")[0].trim();
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
