package eu.privacysuite.localstack;

import java.util.Arrays;
import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens the local stack's services accept, signed with the stack's own key (jose4j): the stack's issuer,
 * every service of the suite as audience (each service checks that the token names it), at most
 * {@link #MAX_MINUTES} minutes of life (the services refuse a longer one, docs/security.md).
 */
public final class ControllerTokens {

    public static final String CONTROLLER = "privacy-controller";
    public static final String AUDITOR = "privacy-auditor";
    /** The services' default PRIVACY_JWT_MAX_LIFETIME and PRIVACY_JWT_MAX_AGE, in minutes. */
    public static final int MAX_MINUTES = 60;

    private final LocalSecrets secrets;

    public ControllerTokens(LocalSecrets secrets) {
        this.secrets = secrets;
    }

    public String token(String role, int validMinutes) {
        if (validMinutes < 1 || validMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("a token lives 1 to " + MAX_MINUTES + " minutes");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(StackSettings.JWT_ISSUER);
        claims.setAudience(Arrays.stream(SuiteService.values()).map(SuiteService::module).toList());
        claims.setSubject("local-" + role);
        claims.setClaim("upn", "local-" + role);
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validMinutes);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(secrets.signingKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }
}
