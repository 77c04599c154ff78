package eu.privacysuite.shared.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class BrokerRefusalsTest {

    @Test
    void recordAndTopicRefusalsAreFinalAndNameTheirKind() {
        assertEquals("RecordTooLargeException: too big",
                BrokerRefusals.finalRefusal(new RecordTooLargeException("too big")).orElseThrow());
        assertTrue(BrokerRefusals.finalRefusal(new ExecutionException(new TopicAuthorizationException("t"))).isPresent());
        assertTrue(BrokerRefusals.finalRefusal(new UnknownTopicOrPartitionException("t")).isPresent());
    }

    @Test
    void faultsThatPassOrConcernTheWholeProducerAreRetried() {
        assertTrue(BrokerRefusals.finalRefusal(new TimeoutException("broker away")).isEmpty());
        assertTrue(BrokerRefusals.finalRefusal(new NetworkException("reset")).isEmpty());
        assertTrue(BrokerRefusals.finalRefusal(new NotEnoughReplicasException("isr")).isEmpty());
        assertTrue(BrokerRefusals.finalRefusal(new AuthenticationException("sasl")).isEmpty());
        assertTrue(BrokerRefusals.finalRefusal(new ClusterAuthorizationException("idempotent write")).isEmpty());
        assertTrue(BrokerRefusals.finalRefusal(new IllegalStateException("database")).isEmpty());
    }

    @Test
    void aReasonIsCutToAReadableLength() {
        assertEquals(500, BrokerRefusals.finalRefusal(new RecordTooLargeException("x".repeat(2000))).orElseThrow().length());
    }
}
