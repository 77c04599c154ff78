package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.domain.OrderStatus;
import eu.privacysuite.retention.service.PurgeViews;
import eu.privacysuite.retention.service.SweepResult;
import eu.privacysuite.retention.service.Sweeper;
import eu.privacysuite.shared.problem.ProblemException;

/** The controller's and the auditor's view of enforcement: sweeps, due records, purge orders and evidence. */
@Path("/api/retention")
@Tag(name = "Retention enforcement")
@Produces(MediaType.APPLICATION_JSON)
public class PurgeResource {

    private final Sweeper sweeper;
    private final PurgeViews views;

    public PurgeResource(Sweeper sweeper, PurgeViews views) {
        this.sweeper = sweeper;
        this.views = views;
    }

    @POST
    @Path("/sweeps")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Run a sweep now", description = "With dryRun=true, reports what a sweep would order purged "
            + "and purges nothing.")
    public SweepResult sweep(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return sweeper.sweep(dryRun);
    }

    @GET
    @Path("/due")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "What a sweep at a moment would purge", description = "Counts per category (purgeable and "
            + "held) and a page of record ids, for records due before `before` minus the grace window.")
    public DueView due(@QueryParam("before") String before, @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        PurgeViews.Due due = views.due(QueryValues.instant("before", before),
                Optional.ofNullable(category).filter(c -> !c.isBlank()), page, size);
        return new DueView(due.before(), due.cutoff(), due.counts(), page, size,
                due.records().stream().map(DueView.Item::of).toList());
    }

    @GET
    @Path("/orders")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Purge orders, newest first", description = "status=sent, reported or failed.")
    public List<OrderView> orders(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return views.orders(status(status), page, size).stream().map(OrderView::of).toList();
    }

    @GET
    @Path("/evidence")
    @RolesAllowed({ Roles.AUDITOR, Roles.CONTROLLER })
    @Operation(summary = "Evidence of purges in a period", description = "Order, category, rule applied, counts and "
            + "dates; no personal data. Period [from, to), by report time; default: everything.")
    public EvidenceView.Page evidence(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Instant start = QueryValues.instant("from", from).orElse(Instant.EPOCH);
        Instant end = QueryValues.instant("to", to).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!start.isBefore(end)) {
            throw new ProblemException(Status.BAD_REQUEST, "from must be before to.");
        }
        return new EvidenceView.Page(start, end, page, size, views.evidenceCount(start, end),
                views.evidence(start, end, page, size).stream().map(EvidenceView::of).toList());
    }

    private static Optional<OrderStatus> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrderStatus.valueOf(status.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "status must be sent, reported or failed.");
        }
    }
}
