package eu.privacysuite.shared.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.dsr.commands}: dsr-service asks the participants to act for one subject, or (BREACH_SCOPE, with
 * {@code scope}) for the people a breach touches. {@code participants}
 * names the services addressed when the controller re-drives some of them; empty means every participant.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DsrCommand(UUID requestId, DsrAction action, List<String> visitorIds, String sealedCorrections,
        List<String> participants, BreachScope scope) {

    public DsrCommand {
        visitorIds = visitorIds == null ? List.of() : List.copyOf(visitorIds);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** A command of a data-subject request, for the participants named (every one when empty). */
    public DsrCommand(UUID requestId, DsrAction action, List<String> visitorIds, String sealedCorrections,
            List<String> participants) {
        this(requestId, action, visitorIds, sealedCorrections, participants, null);
    }

    /**
     * BREACH_SCOPE: who does the breach touch? {@code searchId} stands in the place of the request id: the
     * answers are sealed to it. Sent without a subject key.
     */
    public static DsrCommand breachScope(UUID searchId, BreachScope scope) {
        return new DsrCommand(searchId, DsrAction.BREACH_SCOPE, List.of(), null, List.of(), scope);
    }

    /** A command for every participant. */
    public DsrCommand(UUID requestId, DsrAction action, List<String> visitorIds, String sealedCorrections) {
        this(requestId, action, visitorIds, sealedCorrections, List.of());
    }

    /** Whether the named participant is asked to act. */
    public boolean addresses(String service) {
        return participants.isEmpty() || participants.contains(service);
    }
}
