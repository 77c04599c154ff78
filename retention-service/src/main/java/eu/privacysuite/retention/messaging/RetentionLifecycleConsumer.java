package eu.privacysuite.retention.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.privacysuite.retention.service.LedgerKeeper;
import eu.privacysuite.shared.events.EventEnvelope;
import eu.privacysuite.shared.events.EventTypes;
import eu.privacysuite.shared.events.MalformedEventException;
import eu.privacysuite.shared.events.RetentionClock;
import eu.privacysuite.shared.events.Topics;
import eu.privacysuite.shared.messaging.ConsumerSkeleton;
import eu.privacysuite.shared.messaging.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The owners' lifecycle events keep the ledger of due dates. One event follows every consent and every contact
 * form, so the channel is read in poll batches: one transaction per batch (docs/performance.md).
 */
@ApplicationScoped
public class RetentionLifecycleConsumer extends EventConsumer<RetentionClock> {

    private final LedgerKeeper keeper;

    public RetentionLifecycleConsumer(ConsumerSkeleton skeleton, LedgerKeeper keeper) {
        super(skeleton, Topics.RETENTION_LIFECYCLE, EventTypes.RETENTION_CLOCK, RetentionClock.class);
        this.keeper = keeper;
    }

    @Incoming(Topics.RETENTION_LIFECYCLE)
    @Blocking(ordered = true)
    public CompletionStage<Void> onClocks(KafkaRecordBatch<String, String> clocks) {
        return consumeBatch(clocks);
    }

    @Override
    protected void validate(EventEnvelope envelope, RetentionClock event) {
        if (event.service() == null || event.category() == null || event.recordId() == null
                || event.clockEvent() == null || event.at() == null) {
            throw new MalformedEventException("RetentionClock without service, category, recordId, clockEvent or at");
        }
    }

    @Override
    protected void apply(EventEnvelope envelope, RetentionClock event) {
        keeper.apply(envelope.subjectKey(), event);
    }
}
