package eu.privacysuite.shared.retention;

import java.util.List;

import eu.privacysuite.shared.events.PurgeOrder;

/**
 * What a service that owns records under the retention schedule does with a purge order. Each owning service has
 * one bean of this type; {@link PurgeOrderConsumer} takes care of idempotency and the report.
 */
public interface PurgeParticipant {

    /**
     * Deletes or anonymizes, in the caller's transaction, the records of the order whose clock did not move past
     * {@link PurgeOrder#clockStartedUpTo()}. A category this service does not own is a
     * {@link eu.privacysuite.shared.events.MalformedEventException}.
     */
    Outcome purge(PurgeOrder order);

    /** The records purged now and the records kept because their clock moved; any other id was already gone. */
    record Outcome(List<String> purged, List<String> held) {

        public Outcome {
            purged = List.copyOf(purged);
            held = List.copyOf(held);
        }
    }
}
