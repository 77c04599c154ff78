package eu.privacysuite.consent.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.domain.ServiceCategory;

/** What a site's banner presents (policy art. 11): the version in force and the site's services by category. */
@ApplicationScoped
public class PolicyCatalogue {

    private final PolicyPublishing publishing;
    private final PublishedVersions published;
    private final Sites sites;

    public PolicyCatalogue(PolicyPublishing publishing, PublishedVersions published, Sites sites) {
        this.publishing = publishing;
        this.published = published;
        this.sites = sites;
    }

    /** The site's services by category in the catalogue's language (English), under the version in force. */
    @Transactional
    public BannerSetup catalogue(String siteId) {
        PolicyVersion current = publishing.current(siteId);
        return new BannerSetup(siteId, "en", current.version, current.shownDate, null, null, null,
                categories(siteId, "en"));
    }

    /** What the banner shows on a site in a language, and the hash of its text that each proof keeps. */
    @Transactional
    public BannerSetup banner(String siteId, String askedLanguage) {
        PolicyVersion current = publishing.current(siteId);
        String language = sites.language(siteId, askedLanguage);
        ConsentConfig.Texts texts = sites.texts(siteId, language);
        return new BannerSetup(siteId, language, current.version, current.shownDate,
                sites.textHash(siteId, language, current.version), texts.title(), texts.body(),
                categories(siteId, language));
    }

    /**
     * Per site, the version in force only: what banner.js needs to tell, from its cookie alone, whether a choice
     * was made under an older version. Which purposes changed since is asked then ({@code reaskPurposes}). Read from
     * this replica's copy: every page view asks for the script.
     */
    public Map<String, String> versionsInForce() {
        Map<String, String> bySite = new TreeMap<>();
        for (String site : sites.ids()) {
            published.current(site).ifPresent(current -> bySite.put(site, current.version));
        }
        return bySite;
    }

    private List<BannerSetup.Category> categories(String siteId, String language) {
        Map<ServiceCategory, List<CookieService>> byCategory = sites.servicesOf(siteId).stream()
                .collect(Collectors.groupingBy(s -> s.category));
        return Arrays.stream(ServiceCategory.values()).filter(byCategory::containsKey)
                .map(category -> new BannerSetup.Category(category,
                        byCategory.get(category).stream().anyMatch(s -> s.consentRequired),
                        byCategory.get(category).stream().map(s -> BannerSetup.Service.of(s, language)).toList()))
                .toList();
    }
}
