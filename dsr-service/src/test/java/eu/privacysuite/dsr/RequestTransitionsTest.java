package eu.privacysuite.dsr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.privacysuite.dsr.domain.DsrRequest;
import eu.privacysuite.dsr.domain.IllegalTransitionException;
import eu.privacysuite.dsr.domain.RequestAct;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.domain.RequestTransitions;

/** The request lifecycle of decision 0015, move by move: each allowed move allowed, every other refused. */
class RequestTransitionsTest {

    /** Written out again here, from the decision, so that a change to the table has to be made twice. */
    private static final Map<String, RequestStatus> ALLOWED = Map.ofEntries(
            Map.entry("RECEIVED ASK_IDENTITY", RequestStatus.AWAITING_IDENTITY),
            Map.entry("RECEIVED REJECT", RequestStatus.REJECTED),
            Map.entry("RECEIVED CANCEL", RequestStatus.CANCELLED),
            Map.entry("AWAITING_IDENTITY VERIFY", RequestStatus.IN_PROGRESS),
            Map.entry("AWAITING_IDENTITY REJECT", RequestStatus.REJECTED),
            Map.entry("AWAITING_IDENTITY CANCEL", RequestStatus.CANCELLED),
            Map.entry("IN_PROGRESS COMPLETE", RequestStatus.COMPLETED),
            Map.entry("IN_PROGRESS FLAG", RequestStatus.NEEDS_ATTENTION),
            Map.entry("NEEDS_ATTENTION RETRY", RequestStatus.IN_PROGRESS),
            Map.entry("NEEDS_ATTENTION CANCEL", RequestStatus.CANCELLED),
            Map.entry("NEEDS_ATTENTION COMPLETE", RequestStatus.COMPLETED));

    @Test
    void everyAllowedMoveIsAllowedAndEveryOtherIsRefused() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestAct act : RequestAct.values()) {
                assertEquals(Optional.ofNullable(ALLOWED.get(from + " " + act)), RequestTransitions.next(from, act),
                        from + " " + act);
            }
        }
    }

    @Test
    void aClosedRequestMovesNoMore() {
        for (RequestStatus closed : new RequestStatus[] { RequestStatus.COMPLETED, RequestStatus.REJECTED,
                RequestStatus.CANCELLED }) {
            for (RequestAct act : RequestAct.values()) {
                assertEquals(Optional.empty(), RequestTransitions.next(closed, act), closed + " " + act);
            }
        }
    }

    @Test
    void theEntityFollowsTheTableAndARefusedMoveChangesNothing() {
        DsrRequest request = new DsrRequest();
        assertEquals(RequestStatus.RECEIVED, request.status());
        assertEquals(RequestStatus.AWAITING_IDENTITY, request.apply(RequestAct.ASK_IDENTITY));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> request.apply(RequestAct.RETRY));
        assertEquals("This request is AWAITING_IDENTITY: it cannot be retried (only a request that needs attention "
                + "can be retried).", refused.getMessage());
        assertEquals(RequestStatus.AWAITING_IDENTITY, request.status());
        assertThrows(IllegalTransitionException.class, () -> request.check(RequestAct.COMPLETE));
        assertEquals(RequestStatus.IN_PROGRESS, request.apply(RequestAct.VERIFY));
        assertEquals(RequestStatus.NEEDS_ATTENTION, request.apply(RequestAct.FLAG));
        assertEquals(RequestStatus.CANCELLED, request.apply(RequestAct.CANCEL));
    }
}
