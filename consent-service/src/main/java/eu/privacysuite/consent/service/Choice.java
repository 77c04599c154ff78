package eu.privacysuite.consent.service;

import java.util.Map;

import eu.privacysuite.consent.domain.ConsentAction;

/**
 * A cookie choice as the banner makes it, with what the request says about its browser: the signed visitor id
 * (null on a first choice), the Sec-GPC signal, the address already truncated and the browser family.
 */
public record Choice(String siteId, String visitorToken, String policyVersion, ConsentAction action,
        Map<String, Boolean> decisions, String language, boolean gpcSignal, String ipPrefix, String browserFamily,
        String origin, String ownHost) {
}
