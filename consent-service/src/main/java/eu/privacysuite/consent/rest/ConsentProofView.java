package eu.privacysuite.consent.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import eu.privacysuite.consent.domain.ConsentProof;

/**
 * A consent proof as the banner reads it. {@code askAgain}: the choice still holds but the banner asks again;
 * {@code stale}: the choice was made under a policy version that is no longer current.
 */
public record ConsentProofView(UUID id, UUID visitorId, String policyVersion, Map<String, Boolean> decisions,
        Instant givenAt, Instant expiresAt, Instant askAgainAt, boolean askAgain, boolean stale) {

    public static ConsentProofView of(ConsentProof proof, Instant now, String currentVersion) {
        return new ConsentProofView(proof.id, proof.visitorId, proof.policyVersion, proof.decisions, proof.givenAt,
                proof.expiresAt, proof.askAgainAt, !now.isBefore(proof.askAgainAt),
                !proof.policyVersion.equals(currentVersion));
    }
}
