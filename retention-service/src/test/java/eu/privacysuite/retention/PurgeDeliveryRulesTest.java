package eu.privacysuite.retention;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.privacysuite.retention.service.ExternalPurgeReports;
import eu.privacysuite.shared.external.SignedPost;

/** The rules of the exchange with an external system, without a container: what is a refusal, what is a report. */
class PurgeDeliveryRulesTest {

    @Test
    void a4xxIsARefusalBut408And429AreFaultsAsAreEveryOtherStatus() {
        for (int refusal : List.of(400, 401, 403, 404, 409, 410, 413, 422, 499)) {
            assertTrue(SignedPost.refusal(refusal), refusal + " is a refusal");
        }
        for (int fault : List.of(408, 429, 500, 502, 503, 504, 301, 302, 100, 200, 204)) {
            assertFalse(SignedPost.refusal(fault), fault + " is not a refusal");
        }
    }

    @Test
    void aReportNamesEveryRecordOfTheOrderExactlyOnce() {
        List<String> order = List.of("c-1", "c-2", "c-3");
        assertTrue(ExternalPurgeReports.eachOnce(order, List.of("c-1"), List.of("c-3"), List.of("c-2")));
        assertTrue(ExternalPurgeReports.eachOnce(order, List.of("c-3", "c-2", "c-1"), List.of(), List.of()));
        assertFalse(ExternalPurgeReports.eachOnce(order, List.of("c-1", "c-2"), List.of(), List.of()), "one left out");
        assertFalse(ExternalPurgeReports.eachOnce(order, List.of("c-1", "c-2"), List.of("c-3", "c-1"), List.of()),
                "one named twice");
        assertFalse(ExternalPurgeReports.eachOnce(order, List.of("c-1", "c-2", "c-3", "c-4"), List.of(), List.of()),
                "one not in the order");
        assertFalse(ExternalPurgeReports.eachOnce(order, List.of("c-1", "c-1", "c-2"), List.of("c-3"), List.of()),
                "a repeat within a list");
    }
}
