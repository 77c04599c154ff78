package eu.privacysuite.retention.rest;

import java.util.List;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.config.RetentionSchedule;
import eu.privacysuite.retention.service.LedgerSummary;

/** Read-only views of the schedule and the ledger; they hold no personal data (no record ids, no subjects). */
@Path("/api/retention")
@Tag(name = "Retention", description = "The retention schedule and the ledger's counts, without personal data.")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // no personal data: public by design
public class RetentionResource {

    private final RetentionSchedule schedule;
    private final LedgerSummary summary;

    public RetentionResource(RetentionSchedule schedule, LedgerSummary summary) {
        this.schedule = schedule;
        this.summary = summary;
    }

    @GET
    @Path("/schedule")
    @Operation(summary = "The retention schedule", description = "Per category: owner, period kept, clock events, action.")
    public List<CategoryRuleView> schedule() {
        return new TreeMap<>(schedule.categories()).entrySet().stream()
                .map(e -> CategoryRuleView.of(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("/ledger/summary")
    @Operation(summary = "The ledger per category", description = "Records followed, records due now and the next due date.")
    public List<CategorySummary> ledgerSummary() {
        return summary.summary().stream().map(CategorySummary::of).toList();
    }
}
