package eu.privacysuite.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.retention.service.RetentionErasure;
import eu.privacysuite.shared.dsr.DsrParticipation;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** retention-service's part in every data-subject request; after bounded retries a command goes to the DLQ. */
@ApplicationScoped
public class DsrCommandConsumer {

    private final DsrParticipation participation;
    private final RetentionErasure erasure;

    public DsrCommandConsumer(DsrParticipation participation, RetentionErasure erasure) {
        this.participation = participation;
        this.erasure = erasure;
    }

    @Incoming(Topics.DSR_COMMANDS)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onCommand(String value) {
        participation.handle(value, erasure);
    }
}
