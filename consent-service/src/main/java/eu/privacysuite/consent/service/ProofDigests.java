package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.ProofLedger;
import eu.privacysuite.shared.scheduling.JobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * At a configured interval, a signed digest covers every proof recorded since the last one: the Merkle root of
 * their hashes, signed with Ed25519. A proof altered or deleted outside an erasure or purge then shows. On its
 * schedule, once per {@code consent.digest.interval} across the replicas ({@link JobLock#tryHoldOncePer}, in the
 * digest's transaction): one digest per interval, not one per replica.
 */
@ApplicationScoped
public class ProofDigests {

    private static final Logger LOG = Logger.getLogger(ProofDigests.class);
    private static final int MAX_LEAVES = 100_000;
    /** The job's name for {@link JobLock}. */
    public static final String JOB = "consent-proof-digest";

    /** A digest and what checking it found, naming proofs by id only. */
    public record Check(ProofLedger.Digest digest, boolean intact, List<String> problems) {
    }

    private final ProofLedger ledger;
    private final ConsentProofRepository proofs;
    private final DigestSigner signer;
    private final JobLock jobLock;
    private final ConsentConfig config;
    private final Clock clock;

    public ProofDigests(ProofLedger ledger, ConsentProofRepository proofs, DigestSigner signer, JobLock jobLock,
            ConsentConfig config, Clock clock) {
        this.ledger = ledger;
        this.proofs = proofs;
        this.signer = signer;
        this.jobLock = jobLock;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${consent.digest.interval}", delayed = "${consent.digest.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        QuarkusTransaction.requiringNew().call(() -> jobLock.tryHoldOncePer(JOB, config.digest().interval())
                ? digestNewProofs() : Optional.<Long>empty())
                .ifPresent(id -> LOG.infof("proof digest %d signed", id));
    }

    /** Makes the digest of the proofs no digest covers yet; empty when there are none. */
    @Transactional
    public Optional<Long> digestNewProofs() {
        ledger.lockDigests();
        List<Object[]> rows = ledger.undigestedProofs(MAX_LEAVES);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ProofLedger.Leaf> leaves = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            leaves.add(new ProofLedger.Leaf((UUID) rows.get(i)[0], i, (String) rows.get(i)[1]));
        }
        String root = merkleRoot(leaves.stream().map(ProofLedger.Leaf::leafHash).toList());
        Instant madeAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String signature = signer.sign(signedText(root, leaves.size()));
        return Optional.of(ledger.saveDigest(madeAt, leaves, root, signature, signer.publicKey()));
    }

    @Transactional
    public List<Check> check(Instant from, Instant to) {
        return ledger.digests(from, to).stream().map(this::check).toList();
    }

    @Transactional
    public Optional<Check> check(long digestId) {
        return ledger.digest(digestId).map(this::check);
    }

    private Check check(ProofLedger.Digest digest) {
        List<String> problems = new ArrayList<>();
        List<ProofLedger.Leaf> leaves = ledger.leaves(digest.id());
        String root = merkleRoot(leaves.stream().map(ProofLedger.Leaf::leafHash).toList());
        if (!root.equals(digest.merkleRoot()) || leaves.size() != digest.leafCount()) {
            problems.add("the leaves no longer give the signed Merkle root");
        }
        if (!DigestSigner.verify(signedText(digest.merkleRoot(), digest.leafCount()), digest.signature(),
                digest.publicKey())) {
            problems.add("the signature does not verify");
        }
        for (ProofLedger.Leaf leaf : leaves) {
            ConsentProof proof = proofs.findById(leaf.proofId());
            if (proof == null) {
                if (!ledger.erased(leaf.proofId())) {
                    problems.add("proof " + leaf.proofId() + " was deleted outside an erasure or purge");
                }
            } else if (!leaf.leafHash().equals(ProofChain.hashOf(proof))) {
                problems.add("proof " + leaf.proofId() + " was altered since the digest");
            }
        }
        return new Check(digest, problems.isEmpty(), problems);
    }

    /** The signed statement: the root and how many proofs it covers. */
    static String signedText(String root, int leafCount) {
        return "consent-proof-digest-v1|" + root + "|" + leafCount;
    }

    /** Merkle root (hex): leaves hashed with a 0x00 prefix, nodes with 0x01; an odd last node is carried up. */
    static String merkleRoot(List<String> leafHashes) {
        HexFormat hex = HexFormat.of();
        List<byte[]> level = new ArrayList<>();
        for (String leaf : leafHashes) {
            level.add(ProofChain.sha256(concat(new byte[] {0}, hex.parseHex(leaf))));
        }
        if (level.isEmpty()) {
            return hex.formatHex(ProofChain.sha256(new byte[0]));
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size()
                        ? ProofChain.sha256(concat(new byte[] {1}, concat(level.get(i), level.get(i + 1))))
                        : level.get(i));
            }
            level = up;
        }
        return hex.formatHex(level.get(0));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
