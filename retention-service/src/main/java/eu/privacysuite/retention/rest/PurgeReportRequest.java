package eu.privacysuite.retention.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An external system's report of one purge order (docs/external-systems.md, "Purge orders"): every record of the
 * order in exactly one list. Deleted: gone now; not found: not there any more; refused: the system keeps it.
 */
public record PurgeReportRequest(@NotNull UUID orderId,
        @NotNull List<@NotNull @Pattern(regexp = ExternalFeedRequest.RECORD_ID, message = ExternalFeedRequest.RECORD_ID_RULE) String> deleted,
        @NotNull List<@NotNull @Pattern(regexp = ExternalFeedRequest.RECORD_ID, message = ExternalFeedRequest.RECORD_ID_RULE) String> notFound,
        @NotNull List<@NotNull @Pattern(regexp = ExternalFeedRequest.RECORD_ID, message = ExternalFeedRequest.RECORD_ID_RULE) String> refused) {
}
