package eu.privacysuite.dsr.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import eu.privacysuite.dsr.domain.ChainedAuditStep;

/**
 * The hash chain of a request's audit trail. An entry's hash is SHA-256 over a length-prefixed encoding of the
 * previous entry's hash, the request id, the time, the actor and the event, so no two different entries encode
 * alike, and an entry altered, removed or moved breaks the chain from there. PostgreSQL computes the same when it
 * appends an entry (V9__audit_append_in_one_call.sql), as V2__audit_chain.sql did for the entries written before the
 * chain existed; {@link #verify} is the check that both agree. The breach register's trail (BreachAuditTrail) is
 * chained the same way, per breach: both are {@link ChainedAuditStep}s.
 */
public final class AuditChain {

    private static final byte[] VERSION = "dsr-audit-v1".getBytes(StandardCharsets.UTF_8);

    /** Whether a trail verifies, and if not, the 1-based position of the first entry that breaks it and why. */
    public record Verdict(boolean intact, Integer brokenAt, String problem) {
        static final Verdict INTACT = new Verdict(true, null, null);
    }

    /** One entry of a chain, whichever trail it belongs to: {@code chainId} is the request's or the breach's id. */
    private record Link(String prevHash, UUID chainId, Instant at, String actor, String event, String hash) {
    }

    private AuditChain() {
    }

    /** The hex SHA-256 of an entry; {@code prevHash} is null for the first entry of a request. */
    public static String hash(String prevHash, UUID requestId, Instant at, String actor, String event) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        canonical.writeBytes(VERSION);
        for (String field : List.of(Objects.toString(prevHash, ""), requestId.toString(),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)), actor, event)) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            canonical.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            canonical.writeBytes(bytes);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Checks a request's entries in the order they were written against the chain's head (how many entries were
     * appended, and the last one's hash): each must hash to what it records and follow the one before it.
     */
    public static Verdict verify(List<? extends ChainedAuditStep> entries, long headEntries, String headHash) {
        return verifyLinks(entries.stream()
                .map(e -> new Link(e.prevHash, e.chainId(), e.at, e.actor, e.event, e.hash)).toList(),
                headEntries, headHash);
    }

    /** As {@link #verify}, on what each entry records. */
    private static Verdict verifyLinks(List<Link> entries, long headEntries, String headHash) {
        String previous = null;
        for (int i = 0; i < entries.size(); i++) {
            Link entry = entries.get(i);
            if (!Objects.equals(entry.prevHash(), previous)) {
                return new Verdict(false, i + 1, "this entry does not follow the one before it: an entry before it "
                        + "was deleted, or the chain was rewritten");
            }
            if (!entry.hash().equals(hash(entry.prevHash(), entry.chainId(), entry.at(), entry.actor(), entry.event()))) {
                return new Verdict(false, i + 1, "this entry does not match its hash: it was altered");
            }
            previous = entry.hash();
        }
        if (entries.size() != headEntries || !Objects.equals(previous, headHash)) {
            return new Verdict(false, entries.size() + 1, headEntries + " entries were appended but the trail ends "
                    + "after " + entries.size() + ": its last entries were deleted");
        }
        return Verdict.INTACT;
    }
}
