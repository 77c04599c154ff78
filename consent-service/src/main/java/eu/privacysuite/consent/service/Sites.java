package eu.privacysuite.consent.service;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

import eu.privacysuite.consent.config.ConsentConfig;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.consent.domain.CookieServiceRepository;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableField;

/** The controller's sites, as configured: who may post for them, which services they use, in which languages. */
@ApplicationScoped
public class Sites {

    private final ConsentConfig config;
    private final CookieServiceRepository services;

    public Sites(ConsentConfig config, CookieServiceRepository services) {
        this.config = config;
        this.services = services;
    }

    public ConsentConfig.Site require(String siteId) {
        ConsentConfig.Site site = siteId == null ? null : config.sites().get(siteId);
        if (site == null) {
            throw new UnprocessableField("site", "is not a site of this controller");
        }
        return site;
    }

    public String orDefault(String siteId) {
        return siteId == null || siteId.isBlank() ? config.defaultSite() : siteId;
    }

    public Set<String> ids() {
        return config.sites().keySet();
    }

    /** A browser posts for a site only from one of its origins; {@code self} allows this service's own origin. */
    public void checkOrigin(String siteId, String origin, String ownHost) {
        if (origin == null) {
            return; // not a browser's cross-site request: CORS has nothing to protect here
        }
        List<String> allowed = require(siteId).origins();
        boolean self = allowed.contains("self") && ownHost != null && ownHost.equalsIgnoreCase(authority(origin));
        if (!self && !allowed.contains(origin)) {
            throw new ProblemException(Status.FORBIDDEN, "This origin may not record consents for this site.");
        }
    }

    /** The site's services from the catalogue: the essential ones and those it names, in catalogue order. */
    public List<CookieService> servicesOf(String siteId) {
        List<String> named = require(siteId).services();
        return services.catalogue().stream().filter(s -> !s.consentRequired || named.contains(s.id)).toList();
    }

    /** The page's language if the site speaks it, else the site's first language. */
    public String language(String siteId, String asked) {
        List<String> languages = require(siteId).languages();
        String short2 = asked == null ? "" : asked.toLowerCase().split("[-_]")[0];
        return languages.contains(short2) ? short2 : languages.get(0);
    }

    public ConsentConfig.Texts texts(String siteId, String language) {
        Map<String, ConsentConfig.Texts> texts = require(siteId).texts();
        ConsentConfig.Texts found = texts.get(language);
        if (found == null) {
            throw new ProblemException(Status.SERVICE_UNAVAILABLE, "The banner has no text in this language yet.");
        }
        return found;
    }

    /** SHA-256 of what the banner shows in this language under this version: kept in each proof. */
    public String textHash(String siteId, String language, String policyVersion) {
        ConsentConfig.Texts texts = texts(siteId, language);
        return ProofChain.sha256(String.join("\n", siteId, language, policyVersion, texts.title(), texts.body()));
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
