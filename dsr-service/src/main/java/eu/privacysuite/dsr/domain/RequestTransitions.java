package eu.privacysuite.dsr.domain;

import static eu.privacysuite.dsr.domain.RequestStatus.AWAITING_IDENTITY;
import static eu.privacysuite.dsr.domain.RequestStatus.CANCELLED;
import static eu.privacysuite.dsr.domain.RequestStatus.COMPLETED;
import static eu.privacysuite.dsr.domain.RequestStatus.IN_PROGRESS;
import static eu.privacysuite.dsr.domain.RequestStatus.NEEDS_ATTENTION;
import static eu.privacysuite.dsr.domain.RequestStatus.RECEIVED;
import static eu.privacysuite.dsr.domain.RequestStatus.REJECTED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of a data-subject request, in one table (decision 0015): RECEIVED → AWAITING_IDENTITY →
 * IN_PROGRESS → COMPLETED; rejected or cancelled before work starts; NEEDS_ATTENTION while in progress, from where
 * the controller retries or cancels it, and where a late reply may still complete it. Every other move is refused.
 */
public final class RequestTransitions {

    private static final Map<RequestStatus, Map<RequestAct, RequestStatus>> TABLE = new EnumMap<>(RequestStatus.class);

    static {
        allow(RECEIVED, RequestAct.ASK_IDENTITY, AWAITING_IDENTITY);
        allow(RECEIVED, RequestAct.REJECT, REJECTED);
        allow(RECEIVED, RequestAct.CANCEL, CANCELLED);
        allow(AWAITING_IDENTITY, RequestAct.VERIFY, IN_PROGRESS);
        allow(AWAITING_IDENTITY, RequestAct.REJECT, REJECTED);
        allow(AWAITING_IDENTITY, RequestAct.CANCEL, CANCELLED);
        // In progress, the participants are acting on it: no reject, no cancel.
        allow(IN_PROGRESS, RequestAct.COMPLETE, COMPLETED);
        allow(IN_PROGRESS, RequestAct.FLAG, NEEDS_ATTENTION);
        allow(NEEDS_ATTENTION, RequestAct.RETRY, IN_PROGRESS);
        allow(NEEDS_ATTENTION, RequestAct.CANCEL, CANCELLED);
        // A silent participant that answers after the flag may still complete the request.
        allow(NEEDS_ATTENTION, RequestAct.COMPLETE, COMPLETED);
    }

    private RequestTransitions() {
    }

    private static void allow(RequestStatus from, RequestAct act, RequestStatus to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(RequestAct.class)).put(act, to);
    }

    /** Where {@code act} takes a request that is {@code from}; empty when the move is not allowed. */
    public static Optional<RequestStatus> next(RequestStatus from, RequestAct act) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(act));
    }

    public static boolean allowed(RequestStatus from, RequestAct act) {
        return next(from, act).isPresent();
    }
}
