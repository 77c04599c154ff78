package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.retention.RetentionClocks;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableField;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records cookie choices as chained proofs (policy art. 11, CNIL): refusal by default, essential services always
 * on, valid 13 months and asked again after 6. A change needs the visitor's signed id. A GPC signal counts as
 * refusal only where the visitor made no explicit choice. Each proof starts a COOKIE_CONSENT retention clock.
 */
@ApplicationScoped
public class ConsentService {

    private final PolicyVersionRepository versions;
    private final ConsentProofRepository proofs;
    private final Sites sites;
    private final VisitorIds visitorIds;
    private final ConsentConfig config;
    private final RetentionClocks clocks;
    private final Clock clock;
    private final MeterRegistry registry;
    private final PublishedVersions published;

    public ConsentService(PolicyVersionRepository versions, ConsentProofRepository proofs, Sites sites,
            VisitorIds visitorIds, ConsentConfig config, RetentionClocks clocks, Clock clock,
            MeterRegistry registry, PublishedVersions published) {
        this.published = published;
        this.versions = versions;
        this.proofs = proofs;
        this.sites = sites;
        this.visitorIds = visitorIds;
        this.config = config;
        this.clocks = clocks;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    public RecordedConsent give(Choice choice) {
        if (choice.action() == ConsentAction.OBJECTION) {
            throw new UnprocessableField("action", "OBJECTION is recorded for a data-subject request, not by a banner");
        }
        sites.checkOrigin(choice.siteId(), choice.origin(), choice.ownHost());
        PolicyVersion version = versions.findVersion(choice.siteId(), choice.policyVersion())
                .orElseThrow(() -> new UnprocessableField("policyVersion", "is not a published policy version"));
        if (!version.current) {
            throw new ProblemException(Status.CONFLICT,
                    "Consent is given to the current policy version only: reload the banner.");
        }
        UUID visitor = choice.visitorToken() == null ? visitorIds.issue() : visitorIds.verify(choice.visitorToken())
                .orElseThrow(() -> new ProblemException(Status.FORBIDDEN,
                        "The visitor id is not one this service issued: the choice was not recorded."));
        if (choice.action() == ConsentAction.WITHDRAW && choice.visitorToken() == null) {
            throw new UnprocessableField("visitorToken", "is needed to withdraw a consent");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<CookieService> offered = sites.servicesOf(choice.siteId());
        // A visitor issued just now has no chain yet: nothing to wait for, nothing to link to.
        boolean returning = choice.visitorToken() != null;
        if (returning) {
            proofs.lockChainOf(visitor);
        }
        if (returning && choice.action() == ConsentAction.GPC) {
            Optional<ConsentProof> explicit = proofs.findLatestValid(choice.siteId(), visitor, now)
                    .filter(p -> p.action != ConsentAction.GPC);
            if (explicit.isPresent()) {
                return view(explicit.get(), now, version); // an explicit choice wins over the browser's signal
            }
        }
        ConsentProof proof = new ConsentProof();
        proof.id = UUID.randomUUID();
        proof.siteId = choice.siteId();
        proof.visitorId = visitor;
        proof.policyVersion = version.version;
        proof.action = choice.action();
        proof.decisions = choice.decisionsFor(offered);
        proof.language = sites.language(choice.siteId(), choice.language());
        proof.bannerTextHash = choice.action() == ConsentAction.GPC ? null
                : sites.textHash(choice.siteId(), proof.language, version.version);
        proof.givenAt = now;
        proof.expiresAt = now.atOffset(ZoneOffset.UTC).plus(config.validFor()).toInstant();
        proof.askAgainAt = now.atOffset(ZoneOffset.UTC).plus(config.askAgainAfter()).toInstant();
        proof.ipPrefix = choice.ipPrefix();
        proof.browserFamily = choice.browserFamily();
        proof.gpc = choice.gpcSignal() || choice.action() == ConsentAction.GPC;
        ProofChain.seal(proof, returning ? proofs.findLast(visitor).orElse(null) : null);
        proofs.persist(proof);

        // Consent is pseudonymous: the clock event is keyed by the visitor and carries no subject key.
        clocks.moved(visitor.toString(), null, RetentionCategories.COOKIE_CONSENT, proof.id.toString(),
                ClockEvent.CONSENT_GIVEN, now);
        count(proof, offered);
        return view(proof, now, version);
    }

    /**
     * The visitor's latest proof on the site that still holds; reading it never extends it. One statement, outside
     * a transaction: the versions it is shown against come from this replica's copy.
     */
    public RecordedConsent current(String siteId, String visitorToken) {
        sites.require(siteId);
        UUID visitor = visitorIds.verify(visitorToken).orElseThrow(() -> new ProblemException(Status.FORBIDDEN,
                "The visitor id is missing or is not one this service issued."));
        Instant now = Instant.now(clock);
        ConsentProof proof = proofs.findLatestValid(siteId, visitor, now).orElseThrow(
                () -> new ProblemException(Status.NOT_FOUND, "No consent holds for this visitor: the banner must ask."));
        return view(proof, now, published.current(siteId).orElse(null));
    }

    private RecordedConsent view(ConsentProof proof, Instant now, PolicyVersion current) {
        String currentVersion = current == null ? null : current.version;
        return new RecordedConsent(proof, visitorIds.sign(proof.visitorId), !now.isBefore(proof.askAgainAt),
                PolicyPublishing.changedSince(published.ofSite(proof.siteId), proof.policyVersion), currentVersion,
                now);
    }

    /** Accepted and refused choices per service: site, service and category only, nothing about the visitor. */
    private void count(ConsentProof proof, List<CookieService> offered) {
        offered.stream().filter(s -> s.consentRequired).forEach(s -> registry.counter("privacy.consent.decisions",
                "site", proof.siteId, "service", s.id, "category", s.category.name(),
                "decision", proof.decisions.get(s.id) ? "accepted" : "refused").increment());
    }
}
