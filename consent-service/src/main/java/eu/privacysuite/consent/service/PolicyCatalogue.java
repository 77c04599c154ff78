package eu.privacysuite.consent.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.CookieServiceRepository;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.PolicyVersionRepository;
import eu.privacysuite.consent.domain.ServiceCategory;
import eu.privacysuite.consent.rest.CatalogueView;
import eu.privacysuite.consent.rest.PolicyVersionView;
import eu.privacysuite.shared.problem.ProblemException;

/** The current policy version and the catalogue of cookie services the banner presents (policy art. 11). */
@ApplicationScoped
public class PolicyCatalogue {

    private final PolicyVersionRepository versions;
    private final CookieServiceRepository services;

    public PolicyCatalogue(PolicyVersionRepository versions, CookieServiceRepository services) {
        this.versions = versions;
        this.services = services;
    }

    @Transactional
    public PolicyVersionView currentVersion() {
        PolicyVersion current = current();
        return new PolicyVersionView(current.version, current.publishedAt);
    }

    /** Categories in the banner's order; a category needs consent when any of its services does. */
    @Transactional
    public CatalogueView catalogue() {
        Map<ServiceCategory, List<CookieService>> byCategory = services.catalogue().stream()
                .collect(Collectors.groupingBy(s -> s.category));
        List<CatalogueView.Category> categories = Arrays.stream(ServiceCategory.values())
                .filter(byCategory::containsKey)
                .map(category -> new CatalogueView.Category(category,
                        byCategory.get(category).stream().anyMatch(s -> s.consentRequired),
                        byCategory.get(category).stream().map(PolicyCatalogue::view).toList()))
                .toList();
        return new CatalogueView(current().version, categories);
    }

    PolicyVersion current() {
        return versions.findCurrent().orElseThrow(
                () -> new ProblemException(Status.SERVICE_UNAVAILABLE, "No policy version is published yet."));
    }

    private static CatalogueView.Service view(CookieService s) {
        return new CatalogueView.Service(s.id, s.name, s.consentRequired, s.purpose, s.privacyPolicyUrl, s.retention);
    }
}
