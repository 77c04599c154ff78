package eu.privacysuite.retention.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.service.LegalHoldKeeper.HoldRecord;
import eu.privacysuite.retention.service.LegalHoldKeeper;
import eu.privacysuite.shared.problem.ProblemException;

/** Legal holds: placed and lifted by the controller, listed with their history for the auditor. */
@Path("/api/retention/holds")
@Tag(name = "Legal holds")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    private final LegalHoldKeeper keeper;

    public HoldResource(LegalHoldKeeper keeper) {
        this.keeper = keeper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Place a legal hold", description = "On a subject (by email) or one record (category and "
            + "record id): nothing it covers is purged until it is lifted.")
    public Response place(@Valid @NotNull HoldRequest request, @Context SecurityContext security) {
        String author = security.getUserPrincipal().getName();
        HoldRecord placed = request.subject() != null
                ? keeper.holdSubject(request.subject().email(), request.reason(), author)
                : keeper.holdRecord(request.record().category(), request.record().recordId(), request.reason(), author);
        return Response.created(URI.create("/api/retention/holds/" + placed.hold().id)).entity(HoldView.of(placed))
                .build();
    }

    @POST
    @Path("{id}/lift")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Lift a legal hold", description = "The records it covered are purged by the next sweep if due.")
    public HoldView lift(@PathParam("id") String id, @Context SecurityContext security) {
        return keeper.lift(QueryValues.uuid("hold id", id), security.getUserPrincipal().getName()).map(HoldView::of)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No legal hold has this id."));
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Legal holds, newest first, with their history", description = "active=true: only those not lifted.")
    public List<HoldView> list(@QueryParam("active") @DefaultValue("false") boolean active) {
        return keeper.list(active).stream().map(HoldView::of).toList();
    }
}
