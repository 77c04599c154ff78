package eu.privacysuite.consent.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.service.ProofDigests;

/** What the auditor reads: proofs with every recorded field and their chain, and digests with their check. */
public final class AuditViews {

    private AuditViews() {
    }

    public record Proof(UUID id, String site, UUID visitorId, int seq, String policyVersion, ConsentAction action,
            Map<String, Boolean> decisions, String bannerTextHash, String language, Instant givenAt,
            Instant expiresAt, String ipPrefix, String browserFamily, boolean gpc, String prevHash, String hash,
            Long digestId) {

        static Proof of(ConsentProof p, Map<UUID, Long> digests) {
            return new Proof(p.id, p.siteId, p.visitorId, p.seq, p.policyVersion, p.action, p.decisions,
                    p.bannerTextHash, p.language, p.givenAt, p.expiresAt, p.ipPrefix, p.browserFamily, p.gpc,
                    p.prevHash, p.hash, digests.get(p.id));
        }
    }

    public record Check(boolean intact, List<String> problems) {
    }

    public record VisitorProofs(UUID visitor, Check check, List<Proof> proofs) {
    }

    public record Digest(long id, Instant madeAt, int proofCount, String merkleRoot, String signature,
            String publicKey, Check check) {

        static Digest of(ProofDigests.Check c) {
            var d = c.digest();
            return new Digest(d.id(), d.madeAt(), d.leafCount(), d.merkleRoot(), d.signature(), d.publicKey(),
                    new Check(c.intact(), c.problems()));
        }
    }

    public record Export(String site, Instant from, Instant to, List<Proof> proofs, List<Digest> digests) {
    }
}
