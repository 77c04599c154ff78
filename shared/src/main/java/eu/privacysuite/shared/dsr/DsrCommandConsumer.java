package eu.privacysuite.shared.dsr;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.inbox.InFlightMessages;
import eu.privacysuite.shared.events.Topics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * A participant's consumer of every data-subject request: present only in services built with
 * {@code privacy.dsr.participant=true}, which also provide the {@link DsrParticipant} bean and configure the
 * channel. After bounded retries a command goes to the dead-letter topic; a malformed one goes at once.
 */
@ApplicationScoped
@IfBuildProperty(name = "privacy.dsr.participant", stringValue = "true")
public class DsrCommandConsumer {

    private final InFlightMessages inFlight;
    private final DsrParticipation participation;
    private final DsrParticipant participant;

    public DsrCommandConsumer(DsrParticipation participation, DsrParticipant participant, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.participation = participation;
        this.participant = participant;
    }

    @Incoming(Topics.DSR_COMMANDS)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCommand(String value) {
        inFlight.handle(() -> participation.handle(value, participant));
    }
}
