package eu.privacysuite.shared.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.dsr.commands}: dsr-service asks the participants to act for one subject. {@code participants}
 * names the services addressed when the controller re-drives some of them; empty means every participant.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DsrCommand(UUID requestId, DsrAction action, List<String> visitorIds, String sealedCorrections,
        List<String> participants) {

    public DsrCommand {
        visitorIds = visitorIds == null ? List.of() : List.copyOf(visitorIds);
        participants = participants == null ? List.of() : List.copyOf(participants);
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
