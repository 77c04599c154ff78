package eu.privacysuite.consent.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What proves the proofs: signed digests and their leaves, and the record of each proof deleted lawfully. Plain
 * SQL: these rows are written once and read whole, so entities would add nothing.
 */
@ApplicationScoped
public class ProofLedger {

    public record Digest(long id, Instant madeAt, int leafCount, String merkleRoot, String signature,
            String publicKey) {
    }

    public record Leaf(UUID proofId, int position, String leafHash) {
    }

    private final EntityManager em;

    public ProofLedger(EntityManager em) {
        this.em = em;
    }

    /** Only one digest is made at a time across replicas; it waits for a digest being made elsewhere. */
    public void lockDigests() {
        em.createNativeQuery("select pg_advisory_xact_lock(6006)").getSingleResult();
    }

    /** Proofs no digest covers yet, in a fixed order: (id, hash). Proofs recorded before chains have no hash. */
    @SuppressWarnings("unchecked")
    public List<Object[]> undigestedProofs(int limit) {
        return em.createNativeQuery("select p.id, p.hash from consent_proof p where p.hash is not null and not exists"
                + " (select 1 from proof_digest_leaf l where l.proof_id = p.id) order by p.given_at, p.id limit :limit")
                .setParameter("limit", limit).getResultList();
    }

    public long saveDigest(Instant madeAt, List<Leaf> leaves, String root, String signature, String publicKey) {
        Number id = (Number) em.createNativeQuery("insert into proof_digest (made_at, leaf_count, merkle_root,"
                + " signature, public_key) values (:at, :n, :root, :sig, :key) returning id")
                .setParameter("at", madeAt).setParameter("n", leaves.size()).setParameter("root", root)
                .setParameter("sig", signature).setParameter("key", publicKey).getSingleResult();
        for (Leaf leaf : leaves) {
            em.createNativeQuery("insert into proof_digest_leaf (proof_id, digest_id, position, leaf_hash)"
                    + " values (:proof, :digest, :pos, :hash)").setParameter("proof", leaf.proofId())
                    .setParameter("digest", id.longValue()).setParameter("pos", leaf.position())
                    .setParameter("hash", leaf.leafHash()).executeUpdate();
        }
        return id.longValue();
    }

    @SuppressWarnings("unchecked")
    public List<Digest> digests(Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("select id, made_at, leaf_count, merkle_root, signature, public_key"
                + " from proof_digest where made_at >= :from and made_at < :to order by id")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(ProofLedger::digest).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Digest> digest(long id) {
        List<Object[]> rows = em.createNativeQuery("select id, made_at, leaf_count, merkle_root, signature,"
                + " public_key from proof_digest where id = :id").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(ProofLedger::digest);
    }

    @SuppressWarnings("unchecked")
    public List<Leaf> leaves(long digestId) {
        List<Object[]> rows = em.createNativeQuery("select proof_id, position, leaf_hash from proof_digest_leaf"
                + " where digest_id = :id order by position").setParameter("id", digestId).getResultList();
        return rows.stream().map(r -> new Leaf((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2])).toList();
    }

    /** The digest that covers each of these proofs, by proof id. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> digestOf(List<UUID> proofIds) {
        if (proofIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("select proof_id, digest_id from proof_digest_leaf"
                + " where proof_id in (:ids)").setParameter("ids", proofIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }

    public void recordErasure(UUID proofId, String proofHash, Instant at, String reason) {
        em.createNativeQuery("insert into proof_erasure (proof_id, proof_hash, erased_at, reason)"
                + " values (:id, :hash, :at, :reason) on conflict do nothing").setParameter("id", proofId)
                .setParameter("hash", proofHash).setParameter("at", at).setParameter("reason", reason)
                .executeUpdate();
    }

    public boolean erased(UUID proofId) {
        return !em.createNativeQuery("select 1 from proof_erasure where proof_id = :id").setParameter("id", proofId)
                .getResultList().isEmpty();
    }

    /** Whether a proof with this hash was deleted lawfully (a purged start of a chain). */
    public boolean erasedHash(String proofHash) {
        return !em.createNativeQuery("select 1 from proof_erasure where proof_hash = :hash")
                .setParameter("hash", proofHash).getResultList().isEmpty();
    }

    private static Digest digest(Object[] r) {
        Object at = r[1];
        Instant madeAt = at instanceof Instant i ? i : ((java.time.OffsetDateTime) at).toInstant();
        return new Digest(((Number) r[0]).longValue(), madeAt, ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], (String) r[5]);
    }
}
