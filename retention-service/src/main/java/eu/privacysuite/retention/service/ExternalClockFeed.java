package eu.privacysuite.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.privacysuite.retention.domain.ExternalFeedRepository;
import eu.privacysuite.shared.events.ClockEvent;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.inbox.Inbox;
import eu.privacysuite.shared.subject.SubjectKeys;

/**
 * Applies the clocks an external system posted to the signed feed through the same {@link LedgerKeeper} as the
 * Kafka lifecycle consumer, idempotent on each clock's eventId (the shared inbox, consumer
 * {@code external-feed:<system>}), in one transaction: a fault applies none of them, and the system sends again.
 */
@ApplicationScoped
public class ExternalClockFeed {

    /** One clock as the system sent it, already checked; the subject's email is never stored, only its key. */
    public record FeedClock(UUID eventId, String category, String recordId, String subjectEmail, ClockEvent clockEvent,
            Instant at) {
    }

    /** What became of one clock: an outcome of the ledger, or DUPLICATE for an eventId already applied. */
    public record Applied(UUID eventId, String outcome) {
    }

    private final LedgerKeeper keeper;
    private final Inbox inbox;
    private final SubjectKeys subjectKeys;
    private final ExternalFeedRepository feeds;
    private final Clock clock;

    public ExternalClockFeed(LedgerKeeper keeper, Inbox inbox, SubjectKeys subjectKeys, ExternalFeedRepository feeds,
            Clock clock) {
        this.keeper = keeper;
        this.inbox = inbox;
        this.subjectKeys = subjectKeys;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Transactional
    public List<Applied> apply(String system, List<FeedClock> clocks) {
        Instant now = Instant.now(clock);
        List<Applied> applied = new ArrayList<>(clocks.size());
        for (FeedClock c : clocks) {
            feeds.received(system, c.category(), now);
            if (!inbox.firstDelivery("external-feed:" + system, c.eventId())) {
                applied.add(new Applied(c.eventId(), "DUPLICATE"));
                continue;
            }
            String subjectKey = c.subjectEmail() == null ? null : subjectKeys.forEmail(c.subjectEmail());
            LedgerKeeper.Outcome outcome = keeper.apply(subjectKey,
                    new RetentionClock(system, c.category(), c.recordId(), c.clockEvent(), c.at()));
            applied.add(new Applied(c.eventId(), outcome.name()));
        }
        return applied;
    }
}
