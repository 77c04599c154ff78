package eu.privacysuite.consent.rest;

import java.time.LocalDate;
import java.util.List;

import eu.privacysuite.consent.domain.ServiceCategory;
import eu.privacysuite.consent.service.BannerSetup;

/** What a site's banner shows in one language; {@code textHash} is what a proof records of the text shown. */
public record BannerSetupView(String site, String language, String policyVersion, LocalDate policyDate,
        String textHash, String title, String body, List<Category> categories) {

    public record Category(ServiceCategory category, boolean consentRequired, List<Service> services) {
    }

    public record Service(String id, String name, boolean consentRequired, String purpose, String cookies,
            String privacyPolicyUrl, String retention) {
    }

    public static BannerSetupView of(BannerSetup b) {
        return new BannerSetupView(b.site(), b.language(), b.policyVersion(), b.policyDate(), b.textHash(),
                b.title(), b.body(), b.categories().stream().map(c -> new Category(c.category(), c.consentRequired(),
                        c.services().stream().map(s -> new Service(s.id(), s.name(), s.consentRequired(),
                                s.purpose(), s.cookies(), s.privacyPolicyUrl(), s.retention())).toList()))
                        .toList());
    }
}
