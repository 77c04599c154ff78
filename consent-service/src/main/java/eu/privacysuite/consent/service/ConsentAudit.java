package eu.privacysuite.consent.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.ProofLedger;

/** What the controller and the auditor read: a visitor's proofs with their check, an export, consent rates. */
@ApplicationScoped
public class ConsentAudit {

    public record VisitorProofs(List<ConsentProof> proofs, Map<UUID, Long> digests, ProofChain.Check check) {
    }

    public record Export(List<ConsentProof> proofs, Map<UUID, Long> digests, List<ProofDigests.Check> digestChecks) {
    }

    /** Choices for one service in one week under one policy version of a site. */
    public record Rate(String site, String service, String policyVersion, LocalDate week, long accepted,
            long refused) {
    }

    private final ConsentProofRepository proofs;
    private final ProofChain chain;
    private final ProofLedger ledger;
    private final ProofDigests digests;
    private final Sites sites;
    private final EntityManager em;

    public ConsentAudit(ConsentProofRepository proofs, ProofChain chain, ProofLedger ledger, ProofDigests digests,
            Sites sites, EntityManager em) {
        this.proofs = proofs;
        this.chain = chain;
        this.ledger = ledger;
        this.digests = digests;
        this.sites = sites;
        this.em = em;
    }

    @Transactional
    public VisitorProofs ofVisitor(UUID visitor) {
        List<ConsentProof> all = proofs.chainOf(visitor);
        return new VisitorProofs(all, ledger.digestOf(all.stream().map(p -> p.id).toList()), chain.check(all));
    }

    /** A site's proofs given in [from, to), and the check of the digests made in that period. */
    @Transactional
    public Export export(String siteId, Instant from, Instant to) {
        sites.require(siteId);
        List<ConsentProof> found = proofs.ofSiteBetween(siteId, from, to);
        return new Export(found, ledger.digestOf(found.stream().map(p -> p.id).toList()), digests.check(from, to));
    }

    /**
     * Accepted and refused per service, policy version and week (ISO weeks, starting Monday), counting every
     * visitor's choice: a visitor who chose twice counts twice. Essential services are left out, as they are not
     * asked; so are the proofs an objection (a data-subject request) recorded, which no visitor chose.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Rate> rates(String siteId) {
        sites.require(siteId);
        List<Object[]> rows = em.createNativeQuery("select p.policy_version, d.key,"
                + " cast(date_trunc('week', p.given_at at time zone 'UTC') as date),"
                + " count(*) filter (where d.value = 'true'), count(*) filter (where d.value = 'false')"
                + " from consent_proof p cross join jsonb_each(p.decisions) d"
                + " join cookie_service s on s.id = d.key and s.consent_required"
                + " where p.site_id = :site and p.action <> 'OBJECTION' group by 1, 2, 3 order by 3, 1, 2")
                .setParameter("site", siteId).getResultList();
        return rows.stream().map(r -> new Rate(siteId, (String) r[1], (String) r[0], toDate(r[2]),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
