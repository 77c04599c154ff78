package eu.privacysuite.consent.rest;

import java.util.List;

import eu.privacysuite.consent.domain.ServiceCategory;

/** What the banner shows: the current policy version and its cookie services, grouped by category. */
public record CatalogueView(String policyVersion, List<Category> categories) {

    public record Category(ServiceCategory category, boolean consentRequired, List<Service> services) {
    }

    public record Service(String id, String name, boolean consentRequired, String purpose, String privacyPolicyUrl,
            String retention) {
    }
}
