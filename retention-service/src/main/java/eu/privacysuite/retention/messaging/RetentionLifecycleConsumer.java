package eu.privacysuite.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.retention.service.LedgerKeeper;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.InFlightMessages;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The owners' lifecycle events keep the ledger; after bounded retries an event goes to the DLQ. */
@ApplicationScoped
public class RetentionLifecycleConsumer {

    private final InFlightMessages inFlight;
    private final LedgerKeeper keeper;

    public RetentionLifecycleConsumer(LedgerKeeper keeper, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.keeper = keeper;
    }

    @Incoming(Topics.RETENTION_LIFECYCLE)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onClock(String value) {
        inFlight.handle(() -> keeper.apply(value));
    }
}
