package eu.privacysuite.shared.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code privacy.dsr.replies.<service>}: one participant's outcome for one request. {@code reason} holds no personal
 * data. An export (ACCESS, PORTABILITY) travels sealed and may be cut in parts: a reply carries part
 * {@code exportPart} (from 0) of {@code exportParts}, each with the same outcome and record count; the task is
 * settled once every part has arrived. {@code exportParts} is 0 when the reply carries no export.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DsrReply(UUID requestId, String service, DsrOutcome outcome, long recordCount, String sealedExport,
        String reason, int exportPart, int exportParts) {

    /** A reply without an export. */
    public DsrReply(UUID requestId, String service, DsrOutcome outcome, long recordCount, String sealedExport,
            String reason) {
        this(requestId, service, outcome, recordCount, sealedExport, reason, 0, sealedExport == null ? 0 : 1);
    }

    /** The same reply without its export part, as a participant remembers it for a redelivered command. */
    public DsrReply withoutExport() {
        return new DsrReply(requestId, service, outcome, recordCount, null, reason, 0, 0);
    }
}
