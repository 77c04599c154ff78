package eu.privacysuite.shared.retention;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.InFlightMessages;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * An owner's consumer of purge orders: present only in services built with
 * {@code privacy.retention.purge-participant=true}, which also provide the {@link PurgeParticipant} bean and
 * configure the channel. An order that failed here is not lost: retention-service sends it again until reported.
 */
@ApplicationScoped
@IfBuildProperty(name = "privacy.retention.purge-participant", stringValue = "true")
public class PurgeOrderConsumer {

    private final InFlightMessages inFlight;
    private final PurgeParticipation participation;
    private final PurgeParticipant participant;

    public PurgeOrderConsumer(PurgeParticipation participation, PurgeParticipant participant, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.participation = participation;
        this.participant = participant;
    }

    @Incoming(Topics.RETENTION_PURGES)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onOrder(String value) {
        inFlight.handle(() -> participation.handle(value, participant));
    }
}
