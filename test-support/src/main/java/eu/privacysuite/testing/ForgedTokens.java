package eu.privacysuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Tokens a service must refuse (401), each made the way an attacker or a careless issuer would make it. Every one
 * claims the role asked for; only the flaw named differs from a good {@link TestTokens} token. Use inside a
 * {@code @QuarkusTest} with the {@link TestTokens} resource: they read the service's issuer, audience and keys.
 */
public final class ForgedTokens {

    /** A refused token and what is wrong with it (the name a failing assertion shows). */
    public record Forgery(String flaw, String token) {
        @Override
        public String toString() {
            return flaw;
        }
    }

    private static final long HOUR = 3600;

    private ForgedTokens() {
    }

    /** Every forgery, claiming {@code role}. */
    public static List<Forgery> all(String role) {
        long now = System.currentTimeMillis() / 1000;
        long century = 100L * 365 * 24 * HOUR;
        return List.of(
                new Forgery("expired five minutes ago", trusted(good(role, c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now - 600));
                    c.setExpirationTime(NumericDate.fromSeconds(now - 300));
                }))),
                new Forgery("issued two hours ago, still unexpired (too old)", trusted(good(role,
                        c -> c.setIssuedAt(NumericDate.fromSeconds(now - 2 * HOUR))))),
                new Forgery("expires in 100 years", trusted(good(role,
                        c -> c.setExpirationTime(NumericDate.fromSeconds(now + century))))),
                new Forgery("issued 100 years ahead, expiring five minutes later", trusted(good(role, c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now + century));
                    c.setExpirationTime(NumericDate.fromSeconds(now + century + 300));
                }))),
                new Forgery("no issued-at", trusted(good(role, c -> c.unsetClaim("iat")))),
                new Forgery("no expiry", trusted(good(role, c -> c.unsetClaim("exp")))),
                new Forgery("another issuer", trusted(good(role, c -> c.setIssuer("https://issuer.example")))),
                new Forgery("no issuer", trusted(good(role, c -> c.unsetClaim("iss")))),
                new Forgery("for another audience", trusted(good(role, c -> c.setAudience("another-service")))),
                new Forgery("no audience", trusted(good(role, c -> c.unsetClaim("aud")))),
                new Forgery("signed by a foreign key", sign(good(role, c -> { }), AlgorithmIdentifiers.RSA_USING_SHA256,
                        TestTokens.strangerKey())),
                new Forgery("alg none, no signature", unsigned(good(role, c -> { }))),
                new Forgery("HS256 keyed with the service's public key", hs256WithPublicKey(good(role, c -> { }))),
                new Forgery("payload tampered after signing", tampered(role)));
    }

    /** The claims of a good token for {@code role}, changed by {@code flaw}. */
    private static JwtClaims good(String role, Consumer<JwtClaims> flaw) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestTokens.issuer());
        claims.setAudience(TestTokens.audience());
        claims.setSubject(TestTokens.SUBJECT);
        claims.setStringListClaim("groups", role);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        flaw.accept(claims);
        return claims;
    }

    /** Signed with the key the service trusts (the TestTokens resource's private key). */
    private static String trusted(JwtClaims claims) {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        String pem = read(location).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaims claims, String algorithm, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        return serialize(jws);
    }

    private static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return serialize(jws);
    }

    /** The classic key-confusion attack: the public key's PEM text used as an HMAC secret. */
    private static String hs256WithPublicKey(JwtClaims claims) {
        String location = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        return sign(claims, AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(read(location).getBytes(StandardCharsets.US_ASCII)));
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location.replaceFirst("^file:", "")), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A genuine auditor's token whose payload is swapped for one that claims {@code role}; the signature kept. */
    private static String tampered(String role) {
        String genuine = TestTokens.withGroups(Set.of("privacy-auditor"));
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"privacy-auditor\"", "\"" + role + "\"")
                .replace("\"" + TestTokens.SUBJECT + "\"", "\"someone-else\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
