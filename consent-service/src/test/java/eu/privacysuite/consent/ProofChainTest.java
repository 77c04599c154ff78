package eu.privacysuite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.service.ProofChain;

/** The proof chain's rules, without a container: hashing, chaining, and what a check finds in a tampered chain. */
class ProofChainTest {

    private static final UUID VISITOR = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void eachProofIsNumberedChainedToThePreviousOneAndSealedWithTheHashOfEveryField() {
        List<ConsentProof> chain = chain(3);
        assertEquals(1, chain.get(0).seq);
        assertNull(chain.get(0).prevHash, "the first proof follows nothing");
        assertEquals(3, chain.get(2).seq);
        assertEquals(chain.get(1).hash, chain.get(2).prevHash);
        assertEquals(64, chain.get(0).hash.length(), "SHA-256 in hex");
        assertEquals(chain.get(0).hash, ProofChain.hashOf(chain.get(0)), "the hash is the same when computed again");
        assertEquals(new ProofChain.Check(true, List.of()), ProofChain.check(chain, hash -> false));
    }

    @Test
    void anAlteredFieldOrDecisionBreaksTheHash() {
        List<ConsentProof> chain = chain(2);
        String sealed = chain.get(0).hash;
        chain.get(0).decisions = Map.of("google-analytics", false, "session", true);
        assertNotEquals(sealed, ProofChain.hashOf(chain.get(0)));
        ProofChain.Check check = ProofChain.check(chain, hash -> false);
        assertFalse(check.intact());
        assertEquals(List.of("proof " + chain.get(0).id + " does not match its hash: it was altered"), check.problems());

        List<ConsentProof> other = chain(1);
        other.get(0).policyVersion = "2026-01-01";
        assertFalse(ProofChain.check(other, hash -> false).intact(), "any recorded field counts");
    }

    @Test
    void aProofTakenOutOfTheMiddleOrAReorderingShows() {
        List<ConsentProof> chain = chain(3);
        List<ConsentProof> gap = List.of(chain.get(0), chain.get(2));
        assertEquals(List.of("proof " + chain.get(2).id + " does not follow proof " + chain.get(0).id
                + ": a proof between them is missing or was altered"), ProofChain.check(gap, hash -> false).problems());
        assertFalse(ProofChain.check(List.of(chain.get(1), chain.get(0), chain.get(2)), hash -> false).intact());
    }

    @Test
    void aChainMayStartLateOnlyWhereTheEarlierProofWasLawfullyErased() {
        List<ConsentProof> chain = chain(3);
        List<ConsentProof> rest = chain.subList(1, 3);
        String erased = chain.get(0).hash;
        assertTrue(ProofChain.check(rest, erased::equals).intact(), "the first proof's erasure is recorded");
        ProofChain.Check check = ProofChain.check(rest, hash -> false);
        assertEquals(List.of("proof " + chain.get(1).id + " is number 2 but the proofs before it are missing and were"
                + " not erased"), check.problems());
    }

    private static List<ConsentProof> chain(int length) {
        List<ConsentProof> chain = new ArrayList<>();
        ConsentProof previous = null;
        for (int i = 0; i < length; i++) {
            ConsentProof p = new ConsentProof();
            p.id = UUID.randomUUID();
            p.siteId = "demo";
            p.visitorId = VISITOR;
            p.policyVersion = "2018-05-25";
            p.action = i % 2 == 0 ? ConsentAction.ACCEPT_ALL : ConsentAction.REFUSE_ALL;
            p.decisions = Map.of("google-analytics", i % 2 == 0, "session", true);
            p.language = "fr";
            p.bannerTextHash = "text";
            p.givenAt = AT.plusSeconds(i);
            p.expiresAt = AT.plusSeconds(i + 1000);
            p.askAgainAt = AT.plusSeconds(i + 500);
            p.ipPrefix = "192.0.2.0/24";
            p.browserFamily = "Chrome";
            ProofChain.seal(p, previous);
            chain.add(p);
            previous = p;
        }
        return chain;
    }
}
