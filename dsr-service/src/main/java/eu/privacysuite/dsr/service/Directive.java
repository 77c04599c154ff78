package eu.privacysuite.dsr.service;

/** A post-mortem directive and the trusted third party who is to carry it out; it travels and rests sealed. */
public record Directive(String text, String trustedThirdPartyName, String trustedThirdPartyEmail) {
}
