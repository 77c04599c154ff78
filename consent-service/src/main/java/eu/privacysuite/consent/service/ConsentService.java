package eu.privacysuite.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.shared.problem.UnprocessableField;
import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.CookieServiceRepository;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;
import eu.privacysuite.consent.rest.ConsentProofView;
import eu.privacysuite.consent.rest.ConsentRequest;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.EventCodec;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.outbox.Outbox;
import eu.privacysuite.shared.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records cookie choices as proofs (policy art. 11): refusal by default, essential services always on, valid
 * 13 months and asked again after 6. Each proof starts a COOKIE_CONSENT retention clock.
 */
@ApplicationScoped
public class ConsentService {

    public static final String SERVICE = "consent-service";
    static final String COOKIE_CONSENT = "COOKIE_CONSENT";

    private final PolicyVersionRepository versions;
    private final CookieServiceRepository services;
    private final ConsentProofRepository proofs;
    private final ConsentConfig config;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Clock clock;
    private final MeterRegistry registry;

    public ConsentService(PolicyVersionRepository versions, CookieServiceRepository services,
            ConsentProofRepository proofs, ConsentConfig config, Outbox outbox,
            EventCodec codec, Clock clock, MeterRegistry registry) {
        this.versions = versions;
        this.services = services;
        this.proofs = proofs;
        this.config = config;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    public ConsentProofView give(ConsentRequest request) {
        PolicyVersion version = versions.findByIdOptional(request.policyVersion())
                .orElseThrow(() -> new UnprocessableField("policyVersion", "is not a published policy version"));
        if (!version.current) {
            throw new ProblemException(Status.CONFLICT,
                    "Consent is given to the current policy version only: reload the banner.");
        }
        List<CookieService> catalogued = services.catalogue();
        Map<String, Boolean> decisions = completeDecisions(request.decisions(), catalogued);

        // Stored to the microsecond, as PostgreSQL keeps it, so the proof reads back exactly as it was given.
        Instant givenAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ConsentProof proof = new ConsentProof();
        proof.id = UUID.randomUUID();
        proof.visitorId = request.visitorId();
        proof.policyVersion = version.version;
        proof.decisions = decisions;
        proof.givenAt = givenAt;
        proof.expiresAt = givenAt.atOffset(ZoneOffset.UTC).plus(config.validFor()).toInstant();
        proof.askAgainAt = givenAt.atOffset(ZoneOffset.UTC).plus(config.askAgainAfter()).toInstant();
        proofs.persist(proof);

        // Consent is pseudonymous: the clock event is keyed by the visitor and carries no subject key.
        outbox.publish(Topics.RETENTION_LIFECYCLE, proof.visitorId.toString(), codec.envelope(EventTypes.RETENTION_CLOCK,
                proof.id.toString(), null, new RetentionClock(SERVICE, COOKIE_CONSENT, proof.id.toString(),
                        ClockEvent.CONSENT_GIVEN, givenAt)));
        count(catalogued, decisions);
        return ConsentProofView.of(proof, givenAt, version.version);
    }

    /** The visitor's latest proof that still holds; reading it never extends it. */
    @Transactional
    public ConsentProofView current(UUID visitorId) {
        Instant now = Instant.now(clock);
        ConsentProof proof = proofs.findLatestValid(visitorId, now).orElseThrow(
                () -> new ProblemException(Status.NOT_FOUND,
                        "No consent holds for this visitor: the banner must ask."));
        String currentVersion = versions.findCurrent().map(v -> v.version).orElse(null);
        return ConsentProofView.of(proof, now, currentVersion);
    }

    /** A decision for every service of the catalogue: essential ones always on, the ones not named refused. */
    private static Map<String, Boolean> completeDecisions(Map<String, Boolean> asked, List<CookieService> catalogued) {
        if (asked.values().stream().anyMatch(decision -> decision == null)) {
            throw new UnprocessableField("decisions", "must map each service to true or false");
        }
        if (!catalogued.stream().map(s -> s.id).toList().containsAll(asked.keySet())) {
            throw new UnprocessableField("decisions", "names a service that is not in the catalogue");
        }
        Map<String, Boolean> complete = new TreeMap<>();
        for (CookieService service : catalogued) {
            complete.put(service.id, !service.consentRequired || Boolean.TRUE.equals(asked.get(service.id)));
        }
        return complete;
    }

    /** Accepted and refused choices per service: service ids and categories only, nothing about the visitor. */
    private void count(List<CookieService> catalogued, Map<String, Boolean> decisions) {
        catalogued.stream().filter(s -> s.consentRequired).forEach(s -> registry.counter("privacy.consent.decisions",
                "service", s.id, "category", s.category.name(),
                "decision", decisions.get(s.id) ? "accepted" : "refused").increment());
    }
}
