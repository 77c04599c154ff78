package eu.privacysuite.shared.outbox;

import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Tells a refusal that no retry can change, which parks the row, from a fault that passes (broker down, leader
 * moving, timeout, bad credentials of the whole producer), which the relay retries without limit.
 * Only refusals about the record or its topic are final: a producer-wide error would otherwise park every row.
 */
final class BrokerRefusals {

    private static final int MAX_REASON = 500;

    private BrokerRefusals() {
    }

    /** The reason to park a row with, or empty when the failure is a fault to retry. */
    static Optional<String> finalRefusal(Throwable failure) {
        Throwable e = failure;
        while (e != null) {
            if (isFinal(e)) {
                return Optional.of(reason(e));
            }
            e = e.getCause();
        }
        return Optional.empty();
    }

    private static boolean isFinal(Throwable e) {
        return e instanceof RecordTooLargeException
                || e instanceof RecordBatchTooLargeException
                || e instanceof TopicAuthorizationException
                || e instanceof InvalidTopicException
                || e instanceof InvalidRecordException
                || e instanceof PolicyViolationException
                // Retriable in Kafka's own terms (metadata may lag); the relay only sees it from an admin
                // lookup that the broker answered, which says the topic does not exist.
                || e instanceof UnknownTopicOrPartitionException;
    }

    static String reason(Throwable e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
