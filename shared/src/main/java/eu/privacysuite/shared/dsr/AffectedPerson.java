package eu.privacysuite.shared.dsr;

/**
 * One person a participant holds in a breach's scope, for one retention category: the subject key, and where the
 * participant holds one the contact address and language (fr or en) for the art. 34 letter; a service that holds
 * no address (consent-service) gives the key alone. Travels only inside sealed parts.
 */
public record AffectedPerson(String subjectKey, String category, String email, String language) {
}
