package eu.privacysuite.retention.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.config.RetentionSchedule;
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

    private static final List<String> STATUSES = Arrays.stream(OrderStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();

    private final Sweeper sweeper;
    private final PurgeViews views;
    private final RetentionSchedule schedule;

    public PurgeResource(Sweeper sweeper, PurgeViews views, RetentionSchedule schedule) {
        this.sweeper = sweeper;
        this.views = views;
        this.schedule = schedule;
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
    public DueView due(@QueryParam("before") String before,
            @QueryParam("category") @Parameter(description = "a category of the schedule") String category,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "" + PageQuery.MAX_PAGE, defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100")) String size) {
        int pageNumber = PageQuery.page(page);
        int pageSize = QueryValues.number("size", size, 100, 1, 1000);
        Optional<String> inCategory = QueryValues.oneOf("category", category, new TreeSet<>(schedule.categories().keySet()));
        PurgeViews.Due due = views.due(QueryValues.instant("before", before), inCategory, pageNumber, pageSize);
        return new DueView(due.before(), due.cutoff(), due.counts(), pageNumber, pageSize,
                due.records().stream().map(DueView.Item::of).toList());
    }

    @GET
    @Path("/orders")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Purge orders, newest first", description = "status=delivering, sent, reported or failed.")
    public List<OrderView> orders(@QueryParam("status") @Parameter(description = "delivering, sent, reported or failed") String status,
            @BeanParam PageQuery paging) {
        return views.orders(status(status), paging.page(), paging.size()).stream().map(OrderView::of).toList();
    }

    @GET
    @Path("/evidence")
    @RolesAllowed({ Roles.AUDITOR, Roles.CONTROLLER })
    @Operation(summary = "Evidence of purges in a period", description = "Order, category, rule applied, counts and "
            + "dates; no personal data. Period [from, to), by report time; default: everything.")
    public EvidenceView.Page evidence(@QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam PageQuery paging) {
        int pageNumber = paging.page();
        int pageSize = paging.size();
        Instant start = QueryValues.instant("from", from).orElse(Instant.EPOCH);
        Instant end = QueryValues.instant("to", to).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!start.isBefore(end)) {
            throw new ProblemException(Status.BAD_REQUEST, "from must be before to.");
        }
        return new EvidenceView.Page(start, end, pageNumber, pageSize, views.evidenceCount(start, end),
                views.evidence(start, end, pageNumber, pageSize).stream().map(EvidenceView::of).toList());
    }

    /** Only the documented lower-case names. */
    private static Optional<OrderStatus> status(String status) {
        return QueryValues.oneOf("status", status, STATUSES).map(s -> OrderStatus.valueOf(s.toUpperCase(Locale.ROOT)));
    }
}
