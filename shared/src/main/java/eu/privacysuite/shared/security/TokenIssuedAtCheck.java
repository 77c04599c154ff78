package eu.privacysuite.shared.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a bearer token issued in the future. smallrye-jwt bounds a token's lifetime (exp - iat, at most
 * smallrye.jwt.time-to-live) and its age (now - iat, at most mp.jwt.verify.token.age), but not an iat ahead of
 * now: a token "issued" in a hundred years, expiring five minutes later, would pass both and live a century.
 */
@ApplicationScoped
public class TokenIssuedAtCheck implements SecurityIdentityAugmentor {

    private final long clockSkewSeconds;

    public TokenIssuedAtCheck(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > System.currentTimeMillis() / 1000 + clockSkewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token was issued in the future."));
        }
        return Uni.createFrom().item(identity);
    }
}
