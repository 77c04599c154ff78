package eu.privacysuite.localstack;

import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Bearer tokens the local stack's dsr-service accepts, signed with the stack's own key (jose4j). */
public final class ControllerTokens {

    public static final String CONTROLLER = "privacy-controller";
    public static final String AUDITOR = "privacy-auditor";

    private final LocalSecrets secrets;

    public ControllerTokens(LocalSecrets secrets) {
        this.secrets = secrets;
    }

    public String token(String role, int validMinutes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(StackSettings.JWT_ISSUER);
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
