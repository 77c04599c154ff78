package eu.privacysuite.consent.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.CookieServiceRepository;
import eu.privacysuite.consent.domain.VisitorLink;
import eu.privacysuite.shared.dsr.ExportCategory;
import eu.privacysuite.shared.dsr.SubjectExport;
import eu.privacysuite.shared.events.RetentionCategories;
import eu.privacysuite.shared.events.ServiceName;

/**
 * What consent-service holds about a subject, for ACCESS and PORTABILITY: the consent proofs of their visitors (one
 * row per proof, and one row per decision of a proof, so that each becomes a CSV table as is) and the visitor links.
 * The proofs' hashes and chain links are integrity data, not the person's, and are left out.
 */
@ApplicationScoped
public class ConsentExport {

    private final ConsentProofRepository proofs;
    private final CookieServiceRepository catalogue;
    private final ServiceName service;

    public ConsentExport(ConsentProofRepository proofs, CookieServiceRepository catalogue, ServiceName service) {
        this.service = service;
        this.proofs = proofs;
        this.catalogue = catalogue;
    }

    @Transactional(TxType.MANDATORY)
    public SubjectExport of(Collection<UUID> visitors, List<VisitorLink> links) {
        List<ConsentProof> found = proofs.listByVisitors(visitors).stream()
                .sorted(Comparator.comparing((ConsentProof p) -> p.visitorId.toString()).thenComparing(p -> p.givenAt)
                        .thenComparing(p -> p.seq))
                .toList();
        Map<String, CookieService> services = catalogue.catalogue().stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<ExportCategory> categories = new ArrayList<>();
        if (!found.isEmpty()) {
            categories.add(new ExportCategory("consent-proofs", "Cookie choices", RetentionCategories.COOKIE_CONSENT,
                    PolicyTexts.PROOFS_PURPOSE, PolicyTexts.PROOFS_BASIS, PolicyTexts.PROOFS_SOURCE,
                    PolicyTexts.RECIPIENTS, found.stream().map(ConsentExport::row).toList()));
            categories.add(new ExportCategory("consent-decisions", "Cookie choices, service by service",
                    RetentionCategories.COOKIE_CONSENT, PolicyTexts.PROOFS_PURPOSE, PolicyTexts.PROOFS_BASIS,
                    PolicyTexts.PROOFS_SOURCE, PolicyTexts.RECIPIENTS,
                    found.stream().flatMap(p -> decisions(p, services).stream()).toList()));
        }
        if (!links.isEmpty()) {
            categories.add(new ExportCategory("visitor-links", "Browsers known to be yours", null,
                    PolicyTexts.LINKS_PURPOSE, PolicyTexts.LINKS_BASIS, PolicyTexts.LINKS_SOURCE,
                    PolicyTexts.RECIPIENTS, links.stream().map(ConsentExport::row).toList()));
        }
        return new SubjectExport(service.get(), categories);
    }

    private static Map<String, Object> row(ConsentProof p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id.toString());
        row.put("site", p.siteId);
        row.put("visitorId", p.visitorId.toString());
        row.put("seq", p.seq);
        row.put("action", p.action.name());
        row.put("policyVersion", p.policyVersion);
        row.put("language", p.language);
        row.put("givenAt", iso(p.givenAt));
        row.put("askAgainAt", iso(p.askAgainAt));
        row.put("expiresAt", iso(p.expiresAt));
        row.put("gpc", p.gpc);
        row.put("ipPrefix", p.ipPrefix);
        row.put("browserFamily", p.browserFamily);
        return row;
    }

    private static List<Map<String, Object>> decisions(ConsentProof p, Map<String, CookieService> services) {
        List<Map<String, Object>> rows = new ArrayList<>();
        new TreeMap<>(p.decisions).forEach((serviceId, accepted) -> {
            CookieService service = services.get(serviceId);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("proofId", p.id.toString());
            row.put("site", p.siteId);
            row.put("service", serviceId);
            row.put("serviceName", service == null ? null : service.name);
            row.put("serviceCategory", service == null ? null : service.category.name());
            row.put("accepted", accepted);
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> row(VisitorLink link) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", link.visitorId.toString());
        row.put("linkedAt", iso(link.linkedAt));
        row.put("restricted", link.restrictedAt != null);
        row.put("restrictedAt", iso(link.restrictedAt));
        return row;
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
