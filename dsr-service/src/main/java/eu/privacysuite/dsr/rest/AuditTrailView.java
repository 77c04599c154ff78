package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request's audit trail, oldest first, and whether its hash chain verifies. */
public record AuditTrailView(
        UUID requestId,
        @Schema(description = "Every entry, in the order written") List<Entry> entries,
        @Schema(description = "Whether every entry matches its hash and follows the one before it, to the last one "
                + "appended") boolean verified,
        @Schema(description = "When not verified: the position (from 1) of the first entry that breaks the chain; "
                + "one past the last entry when entries were deleted from the end") Integer brokenAt,
        @Schema(description = "When not verified: what breaks the chain there") String problem) {

    /** One step: when, who acted (a service, or the subject of the controller's token), what was done. */
    public record Entry(int position, Instant at, String actor, String event,
            @Schema(description = "The previous entry's hash; null for the first") String prevHash,
            @Schema(description = "SHA-256 (hex) of this entry, chained to prevHash (docs/security.md)") String hash) {
    }
}
