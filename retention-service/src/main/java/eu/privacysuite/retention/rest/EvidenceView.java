package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.privacysuite.retention.domain.PurgeEvidence;
import eu.privacysuite.shared.events.PurgeAction;

/** One purge as a regulator reads it: order, rule applied, counts, when. No personal data, no record ids. */
public record EvidenceView(UUID orderId, String service, String category, PurgeAction action, String rule, int purged,
        int alreadyGone, int held, Instant orderedAt, Instant reportedAt) {

    static EvidenceView of(PurgeEvidence e) {
        return new EvidenceView(e.orderId, e.service, e.category, e.action, e.rule, e.purged, e.alreadyGone, e.held,
                e.orderedAt, e.reportedAt);
    }

    /** A page of evidence in a period [from, to). */
    public record Page(Instant from, Instant to, int page, int size, long total, List<EvidenceView> items) {
    }
}
