package eu.privacysuite.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.consent.service.SubjectLinks;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Visitors who identified themselves (contact-service); after bounded retries an event goes to the DLQ. */
@ApplicationScoped
public class SubjectLinkConsumer {

    private final SubjectLinks links;

    public SubjectLinkConsumer(SubjectLinks links) {
        this.links = links;
    }

    @Incoming(Topics.SUBJECT_LINKS)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onLinked(String value) {
        links.onLinked(value);
    }
}
