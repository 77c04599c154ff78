package eu.privacysuite.consent.service;

import java.time.Instant;
import java.util.Set;

import eu.privacysuite.consent.domain.ConsentProof;

/**
 * A visitor's proof as the banner needs it: with the signed visitor id, whether to ask again (6 months), and the
 * purposes that policy versions published since changed (asked again, the others kept).
 */
public record RecordedConsent(ConsentProof proof, String visitorToken, boolean askAgain, Set<String> reaskPurposes,
        String currentVersion, Instant now) {
}
