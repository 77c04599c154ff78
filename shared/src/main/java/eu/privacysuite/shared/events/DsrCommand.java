package eu.privacysuite.shared.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code privacy.dsr.commands}: dsr-service asks every participant to act for one subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DsrCommand(UUID requestId, DsrAction action, List<String> visitorIds, String sealedCorrections) {

    public DsrCommand {
        visitorIds = visitorIds == null ? List.of() : List.copyOf(visitorIds);
    }
}
