package eu.privacysuite.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ProofLedger;

/**
 * Chains each visitor's proofs by hash: a proof's hash covers every field it records and the hash of the
 * visitor's previous proof, so an altered field, a proof taken out of the middle, or a reordering shows.
 * The chain is per visitor, so two visitors' writes never wait for each other.
 */
@ApplicationScoped
public class ProofChain {

    /** The result of checking a chain: intact, or what is wrong, naming proofs by id only. */
    public record Check(boolean intact, List<String> problems) {
    }

    private final ProofLedger ledger;

    public ProofChain(ProofLedger ledger) {
        this.ledger = ledger;
    }

    /** Links the proof to the previous one of its visitor (null for the first) and seals it with its hash. */
    public static void seal(ConsentProof proof, ConsentProof previous) {
        proof.seq = previous == null ? 1 : previous.seq + 1;
        proof.prevHash = previous == null ? null : previous.hash;
        proof.hash = hashOf(proof);
    }

    /** SHA-256 (hex) of a fixed rendering of every field of the proof and of the previous proof's hash. */
    public static String hashOf(ConsentProof p) {
        String decisions = new TreeMap<>(p.decisions).entrySet().stream()
                .map(e -> e.getKey() + "=" + (Boolean.TRUE.equals(e.getValue()) ? 1 : 0))
                .collect(Collectors.joining(","));
        String canonical = String.join("|", "v1", p.id.toString(), p.siteId, p.visitorId.toString(),
                Integer.toString(p.seq), p.policyVersion, p.action.name(), decisions,
                Objects.toString(p.bannerTextHash, ""), Objects.toString(p.language, ""), micros(p.givenAt),
                micros(p.expiresAt), micros(p.askAgainAt), Objects.toString(p.ipPrefix, ""),
                Objects.toString(p.browserFamily, ""), Boolean.toString(p.gpc), Objects.toString(p.prevHash, ""));
        return sha256(canonical);
    }

    /** Checks a visitor's proofs, oldest first. A chain may start late only where the earlier proof was purged. */
    public Check check(List<ConsentProof> chain) {
        return check(chain, ledger::erasedHash);
    }

    /** The rule of {@link #check(List)}, with what the ledger says of a hash: was that proof lawfully erased. */
    public static Check check(List<ConsentProof> chain, Predicate<String> erased) {
        List<String> problems = new ArrayList<>();
        ConsentProof previous = null;
        for (ConsentProof proof : chain) {
            if (proof.hash == null) {
                problems.add("proof " + proof.id + " was recorded before proofs were chained: not verifiable");
                continue;
            }
            if (!proof.hash.equals(hashOf(proof))) {
                problems.add("proof " + proof.id + " does not match its hash: it was altered");
            }
            if (previous == null) {
                if (proof.seq != 1 && !(proof.prevHash != null && erased.test(proof.prevHash))) {
                    problems.add("proof " + proof.id + " is number " + proof.seq
                            + " but the proofs before it are missing and were not erased");
                }
            } else if (proof.seq != previous.seq + 1 || !Objects.equals(proof.prevHash, previous.hash)) {
                problems.add("proof " + proof.id + " does not follow proof " + previous.id
                        + ": a proof between them is missing or was altered");
            }
            previous = proof;
        }
        return new Check(problems.isEmpty(), problems);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String micros(Instant at) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at));
    }
}
