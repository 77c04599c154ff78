package eu.privacysuite.consent.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.privacysuite.consent.domain.ConsentAction;
import eu.privacysuite.consent.domain.CookieService;
import eu.privacysuite.shared.problem.UnprocessableField;

/**
 * A cookie choice as the banner makes it, with what the request says about its browser: the signed visitor id
 * (null on a first choice), the Sec-GPC signal, the address already truncated and the browser family.
 */
public record Choice(String siteId, String visitorToken, String policyVersion, ConsentAction action,
        Map<String, Boolean> decisions, String language, boolean gpcSignal, String ipPrefix, String browserFamily,
        String origin, String ownHost) {

    /**
     * A decision for every service the site offers: essential ones always on; ACCEPT_ALL accepts the others,
     * CUSTOM accepts those it names true and refuses the rest, and a refusal, a withdrawal or GPC refuses them all.
     */
    public Map<String, Boolean> decisionsFor(List<CookieService> offered) {
        if (decisions.values().stream().anyMatch(decision -> decision == null)) {
            throw new UnprocessableField("decisions", "must map each service to true or false");
        }
        if (!offered.stream().map(s -> s.id).toList().containsAll(decisions.keySet())) {
            throw new UnprocessableField("decisions", "names a service that this site does not use");
        }
        Map<String, Boolean> complete = new TreeMap<>();
        for (CookieService service : offered) {
            boolean accepted = switch (action) {
                case ACCEPT_ALL -> true;
                case REFUSE_ALL, WITHDRAW, GPC, OBJECTION -> false;
                case CUSTOM -> Boolean.TRUE.equals(decisions.get(service.id));
            };
            complete.put(service.id, !service.consentRequired || accepted);
        }
        return complete;
    }
}
