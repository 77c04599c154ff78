package eu.privacysuite.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.retention.service.PurgeReports;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.inbox.InFlightMessages;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The owners' purge reports settle the orders; a report lost here is sent again with its re-sent order. */
@ApplicationScoped
public class PurgeReportConsumer {

    private final InFlightMessages inFlight;
    private final PurgeReports reports;

    public PurgeReportConsumer(PurgeReports reports, InFlightMessages inFlight) {
        this.inFlight = inFlight;
        this.reports = reports;
    }

    @Incoming(Topics.RETENTION_PURGE_REPORTS)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onReport(String value) {
        inFlight.handle(() -> reports.record(value));
    }
}
