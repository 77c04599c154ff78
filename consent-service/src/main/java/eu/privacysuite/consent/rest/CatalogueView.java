package eu.privacysuite.consent.rest;

import java.util.List;

import eu.privacysuite.consent.domain.ServiceCategory;
import eu.privacysuite.consent.service.BannerSetup;

/** What the banner shows: the current policy version and its cookie services, grouped by category. */
public record CatalogueView(String policyVersion, List<Category> categories) {

    public record Category(ServiceCategory category, boolean consentRequired, List<Service> services) {
    }

    public record Service(String id, String name, boolean consentRequired, String purpose, String privacyPolicyUrl,
            String retention) {
    }

    public static CatalogueView of(BannerSetup b) {
        return new CatalogueView(b.policyVersion(), b.categories().stream()
                .map(c -> new Category(c.category(), c.consentRequired(), c.services().stream()
                        .map(s -> new Service(s.id(), s.name(), s.consentRequired(), s.purpose(),
                                s.privacyPolicyUrl(), s.retention()))
                        .toList()))
                .toList());
    }
}
