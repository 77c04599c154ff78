package eu.privacysuite.testing;

import org.junit.jupiter.api.Test;

/**
 * The token checks every service's controller API passes (docs/security.md); a service's {@code @QuarkusTest} extends
 * it, names one protected route and adds what is its own (its public endpoints).
 */
public abstract class TokenChecksTestBase {

    /** A route of the controller's API that an auditor may read. */
    protected abstract String protectedRoute();

    @Test
    void aGoodTokenIsAcceptedAndTheWrongRoleForbidden() {
        TokenChecks.goodTokenServedWrongRoleForbidden(protectedRoute());
    }

    @Test
    void everyForgedTokenIsRefused() {
        TokenChecks.everyForgeryRefused(protectedRoute());
    }
}
