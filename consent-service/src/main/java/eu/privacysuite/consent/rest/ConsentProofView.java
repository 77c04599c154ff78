package eu.privacysuite.consent.rest;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.service.RecordedConsent;

/**
 * A consent proof as the banner reads it, with the signed {@code visitorToken} it keeps in its first-party cookie.
 * {@code askAgain}: the choice holds but the banner asks again (6 months); {@code reaskPurposes}: the purposes
 * that policy versions published since changed, asked again while the other decisions stand; {@code stale}: the
 * choice was made under a version no longer in force.
 */
public record ConsentProofView(UUID id, String site, UUID visitorId, String visitorToken, String policyVersion,
        ConsentAction action, Map<String, Boolean> decisions, String language, String bannerTextHash, boolean gpc,
        Instant givenAt, Instant expiresAt, Instant askAgainAt, boolean askAgain, boolean stale,
        Set<String> reaskPurposes) {

    public static ConsentProofView of(RecordedConsent recorded) {
        ConsentProof p = recorded.proof();
        return new ConsentProofView(p.id, p.siteId, p.visitorId, recorded.visitorToken(), p.policyVersion, p.action,
                p.decisions, p.language, p.bannerTextHash, p.gpc, p.givenAt, p.expiresAt, p.askAgainAt,
                recorded.askAgain(), !p.policyVersion.equals(recorded.currentVersion()), recorded.reaskPurposes());
    }
}
