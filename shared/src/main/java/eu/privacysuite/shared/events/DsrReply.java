package eu.privacysuite.shared.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code privacy.dsr.replies}: one participant's outcome for one request. {@code reason} holds no personal data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DsrReply(UUID requestId, String service, DsrOutcome outcome, long recordCount, String sealedExport,
        String reason) {
}
