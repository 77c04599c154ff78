package eu.privacysuite.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import eu.privacysuite.shared.events.Topics;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.domain.ConsentProof;
import eu.privacysuite.consent.domain.ConsentProofRepository;
import eu.privacysuite.shared.events.PurgeAction;
import eu.privacysuite.shared.events.PurgeReport;
import eu.privacysuite.testing.PurgeOrderProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A consent proof past its 13 months is deleted on retention-service's order, no longer only hidden on read. */
@QuarkusTest
class ConsentPurgeTest {

    @Inject
    ConsentProofRepository proofs;
    @Inject
    ObjectMapper mapper;

    @Test
    void anExpiredProofIsDeletedAndAProofGivenAfterTheOrdersBoundIsHeld() {
        JsonPath first = ConsentApi.give("{\"google-analytics\":true}");
        UUID old = UUID.fromString(first.getString("id"));
        UUID newer = UUID.fromString(ConsentApi.give(ConsentApi.DEMO, first.getString("visitorToken"), ConsentApi.CURRENT,
                "CUSTOM", "{\"google-analytics\":false}").getString("id"));
        Instant oldGivenAt = proof(old).givenAt;
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);

        String order = retention.order("consent-service", "COOKIE_CONSENT", PurgeAction.DELETE,
                List.of(old.toString(), newer.toString()), oldGivenAt);
        retention.send(order);
        PurgeReport report = retention.awaitReport(retention.orderId(order), 1, Duration.ofSeconds(30));

        assertEquals(List.of(old.toString()), report.purged());
        assertEquals(List.of(newer.toString()), report.held());
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> proofs.count("id", old)));
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> proofs.count("id", newer)));
    }

    @Test
    void anAnonymizeOrderIsRefusedAsBadSinceProofsAreAppendOnly() {
        UUID id = UUID.fromString(ConsentApi.give("{\"google-analytics\":true}").getString("id"));
        PurgeOrderProbe retention = new PurgeOrderProbe(mapper);
        String order = retention.order("consent-service", "COOKIE_CONSENT", PurgeAction.ANONYMIZE, List.of(id.toString()),
                proof(id).givenAt);
        retention.send(order);
        String orderId = retention.orderId(order).toString();
        retention.bus.await(Topics.deadLetter(Topics.RETENTION_PURGES), r -> orderId.equals(r.key()), Duration.ofSeconds(30));
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> proofs.count("id", id)), "the proof is untouched");
    }

    private ConsentProof proof(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> proofs.findById(id));
    }
}
