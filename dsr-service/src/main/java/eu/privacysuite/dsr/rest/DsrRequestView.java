package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.privacysuite.dsr.domain.IdentityMethod;
import eu.privacysuite.dsr.domain.RejectionReason;
import eu.privacysuite.dsr.domain.RequestChannel;
import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.service.RequestState;
import eu.privacysuite.shared.events.DsrAction;

/**
 * A request as the controller and the auditor see it: progress and the legal clock, no personal data.
 * {@code clockPausedSince} is set while identity is awaited (the due date moves on by the pause once verified).
 * {@code duplicateOf} is set only in the answer to a POST that was linked to this open request instead of
 * recorded anew.
 */
public record DsrRequestView(UUID id, DsrAction type, RequestStatus status, RequestChannel channel,
        Instant receivedAt, Instant dueAt, Instant clockPausedSince, Integer extendedMonths, String extensionReason,
        IdentityMethod identityMethod, Instant identityVerifiedAt, RejectionReason rejectionReason,
        Instant completedAt, Instant closedAt, boolean overdue, String statement, int duplicatesReceived,
        UUID duplicateOf, List<ParticipantView> participants,
        @Schema(description = "fr or en: the language of the letters the person gets") String language,
        @Schema(description = "Why the controller turned off the letter telling the person what was done "
                + "(RECTIFICATION, ERASURE, RESTRICTION); null when it was not") String letterOffReason) {

    public static DsrRequestView of(RequestState state) {
        return of(state, null);
    }

    public static List<DsrRequestView> of(List<RequestState> states) {
        return states.stream().map(DsrRequestView::of).toList();
    }

    /** The answer to a POST that was linked to this open request: duplicateOf names it. */
    public static DsrRequestView duplicate(RequestState state) {
        return of(state, state.id());
    }

    private static DsrRequestView of(RequestState s, UUID duplicateOf) {
        return new DsrRequestView(s.id(), s.type(), s.status(), s.channel(), s.receivedAt(), s.dueAt(),
                s.clockPausedSince(), s.extendedMonths(), s.extensionReason(), s.identityMethod(),
                s.identityVerifiedAt(), s.rejectionReason(), s.completedAt(), s.closedAt(), s.overdue(), s.statement(),
                s.duplicatesReceived(), duplicateOf, s.participants().stream().map(ParticipantView::of).toList(),
                s.language(), s.letterOffReason());
    }
}
