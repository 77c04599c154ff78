package eu.privacysuite.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.consent.service.SubjectLinks;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.InFlightMessages;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Visitors who identified themselves (contact-service); after bounded retries an event goes to the DLQ. */
@ApplicationScoped
public class SubjectLinkConsumer {

    private final InFlightMessages inFlight;
    private final SubjectLinks links;

    public SubjectLinkConsumer(SubjectLinks links, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.links = links;
    }

    @Incoming(Topics.SUBJECT_LINKS)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onLinked(String value) {
        inFlight.handle(() -> links.onLinked(value));
    }
}
