package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import eu.privacysuite.shared.inbox.InboxPruning;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The shared inbox pruning, tested once here for every service (each runs the same scheduled job). */
@QuarkusTest
class InboxPruningTest {

    @Inject
    InboxPruning pruning;

    @Inject
    EntityManager entityManager;

    @Test
    void handledEventsOlderThanTheTopicsRetentionPlusTheMarginAreForgottenAndTombstonesAreKept() {
        // Defaults: topics keep events 30 days, the margin is 7 days.
        Instant now = Instant.now();
        UUID tooOld = handled(now.minus(Duration.ofDays(38)));
        UUID stillDeliverable = handled(now.minus(Duration.ofDays(36)));
        UUID recent = handled(now.minus(Duration.ofMinutes(1)));
        String tombstone = "tombstone-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into erasure_tombstone (tombstone, erased_at) values (:t, :at)")
                .setParameter("t", tombstone).setParameter("at", now.minus(Duration.ofDays(400))).executeUpdate());

        assertTrue(pruning.prune() >= 1);

        assertEquals(0, count("processed_event where event_id = '" + tooOld + "'"));
        assertEquals(1, count("processed_event where event_id = '" + stillDeliverable + "'"));
        assertEquals(1, count("processed_event where event_id = '" + recent + "'"));
        assertEquals(1, count("erasure_tombstone where tombstone = '" + tombstone + "'"), "erased stays erased");
    }

    private UUID handled(Instant at) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values ('test', :id, :at)")
                .setParameter("id", eventId).setParameter("at", at).executeUpdate());
        return eventId;
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
