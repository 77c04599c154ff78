package eu.privacysuite.consent.service;

import java.time.LocalDate;
import java.util.List;

import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.ServiceCategory;

/** What a site's banner shows in one language under the version in force, with the hash each proof keeps. */
public record BannerSetup(String site, String language, String policyVersion, LocalDate policyDate, String textHash,
        String title, String body, List<Category> categories) {

    /** A category needs consent when any of its services does. */
    public record Category(ServiceCategory category, boolean consentRequired, List<Service> services) {
    }

    /** A service of the catalogue with its texts in the banner's language. */
    public record Service(String id, String name, boolean consentRequired, String purpose, String cookies,
            String privacyPolicyUrl, String retention) {

        static Service of(CookieService s, String language) {
            return new Service(s.id, s.name(language), s.consentRequired, s.purpose(language), s.cookies,
                    s.privacyPolicyUrl, s.retention(language));
        }
    }
}
