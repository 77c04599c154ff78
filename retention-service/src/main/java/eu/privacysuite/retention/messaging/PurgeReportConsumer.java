package eu.privacysuite.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.retention.service.PurgeReports;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** The owners' purge reports settle the orders; a report lost on the way is sent again with its re-sent order. */
@ApplicationScoped
public class PurgeReportConsumer extends EventConsumer<PurgeReport> {

    private final PurgeReports reports;

    public PurgeReportConsumer(ConsumerSkeleton skeleton, PurgeReports reports) {
        super(skeleton, Topics.RETENTION_PURGE_REPORTS, EventTypes.PURGE_REPORT, PurgeReport.class);
        this.reports = reports;
    }

    @Incoming(Topics.RETENTION_PURGE_REPORTS)
    @Blocking(ordered = true)
    public void onReport(String value) {
        consume(value);
    }

    @Override
    protected void validate(EventEnvelope envelope, PurgeReport report) {
        if (report.orderId() == null) {
            throw new MalformedEventException("PurgeReport without orderId");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, PurgeReport report) {
        reports.record(envelope.eventId(), report);
    }
}
