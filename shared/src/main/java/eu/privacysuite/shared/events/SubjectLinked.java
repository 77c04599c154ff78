package eu.privacysuite.shared.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code privacy.subject.links}: a pseudonymous visitor identified themselves as the subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectLinked(String subjectKey, String visitorId) {
}
