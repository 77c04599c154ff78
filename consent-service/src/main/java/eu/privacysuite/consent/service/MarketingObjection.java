package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.CookieServiceRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.RetentionClocks;

/**
 * OBJECTION (GDPR art. 21, direct marketing) in consent-service: for each of the subject's visitors, on each site
 * where their latest choice still holds and accepts a marketing service ({@code consent.objection.refused-categories}),
 * a new proof (action OBJECTION) refuses the marketing services and keeps the visitor's other decisions. It expires
 * when the choice it amends would have: an objection never extends a consent. It is chained and clocked as any proof.
 */
@ApplicationScoped
public class MarketingObjection {

    private final ConsentProofRepository proofs;
    private final CookieServiceRepository catalogue;
    private final ConsentConfig config;
    private final RetentionClocks clocks;
    private final Clock clock;

    public MarketingObjection(ConsentProofRepository proofs, CookieServiceRepository catalogue, ConsentConfig config,
            RetentionClocks clocks, Clock clock) {
        this.proofs = proofs;
        this.catalogue = catalogue;
        this.config = config;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** Returns how many proofs it recorded. */
    @Transactional(TxType.MANDATORY)
    public long object(Collection<UUID> visitors) {
        Set<String> marketing = catalogue.catalogue().stream()
                .filter(s -> s.consentRequired && config.objection().refusedCategories().contains(s.category))
                .map(s -> s.id).collect(Collectors.toSet());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long recorded = 0;
        for (UUID visitor : visitors) {
            proofs.lockChainOf(visitor);
            Map<String, ConsentProof> latestBySite = proofs.chainOf(visitor).stream()
                    .filter(p -> p.expiresAt.isAfter(now))
                    .collect(Collectors.toMap(p -> p.siteId, p -> p,
                            (a, b) -> a.givenAt.isBefore(b.givenAt) ? b : a, TreeMap::new));
            for (ConsentProof latest : latestBySite.values()) {
                if (latest.decisions.entrySet().stream()
                        .anyMatch(d -> marketing.contains(d.getKey()) && Boolean.TRUE.equals(d.getValue()))) {
                    record(latest, marketing, now);
                    recorded++;
                }
            }
        }
        return recorded;
    }

    private void record(ConsentProof latest, Set<String> marketing, Instant now) {
        ConsentProof proof = new ConsentProof();
        proof.id = UUID.randomUUID();
        proof.siteId = latest.siteId;
        proof.visitorId = latest.visitorId;
        proof.policyVersion = latest.policyVersion;
        proof.action = ConsentAction.OBJECTION;
        Map<String, Boolean> decisions = new TreeMap<>(latest.decisions);
        decisions.replaceAll((service, accepted) -> accepted && !marketing.contains(service));
        proof.decisions = decisions;
        proof.language = latest.language;
        proof.givenAt = now;
        proof.expiresAt = latest.expiresAt;
        proof.askAgainAt = latest.askAgainAt;
        ProofChain.seal(proof, proofs.findLast(latest.visitorId).orElse(null));
        proofs.persist(proof);
        // As for every proof: keyed by the visitor, no subject key on the clock event.
        clocks.moved(proof.visitorId.toString(), null, RetentionCategories.COOKIE_CONSENT, proof.id.toString(),
                ClockEvent.CONSENT_GIVEN, now);
    }
}
