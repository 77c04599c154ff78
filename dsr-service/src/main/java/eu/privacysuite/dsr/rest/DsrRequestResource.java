package eu.privacysuite.dsr.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import eu.privacysuite.dsr.domain.RequestStatus;
import eu.privacysuite.dsr.service.RequestIntake;
import eu.privacysuite.dsr.service.RequestRetry;
import eu.privacysuite.dsr.service.RequestViews;
import eu.privacysuite.shared.problem.ProblemException;

@Path("/api/requests")
@Tag(name = "Data-subject requests", description = "Requests the controller records and follows (bearer token).")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DsrRequestResource {

    private final RequestIntake intake;
    private final RequestRetry retries;
    private final RequestViews views;

    public DsrRequestResource(RequestIntake intake, RequestRetry retries, RequestViews views) {
        this.intake = intake;
        this.retries = retries;
        this.views = views;
    }

    @POST
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record a data-subject request", description = "Sends the command to every participant; "
            + "the answer is due within the response deadline (30 days).")
    public Response create(@Valid @NotNull DsrRequestForm request, @Context SecurityContext security) {
        DsrRequestView view = intake.receive(request, security.getUserPrincipal().getName());
        return Response.created(URI.create("/api/requests/" + view.id())).entity(view).build();
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.WILDCARD) // no body: the request id and the participant say it all
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Re-drive a request that needs attention", description = "Sends a new command to the "
            + "named participant, or to every participant that has not acted, and waits for their answers again.")
    public DsrRequestView retry(@PathParam("id") String id, @QueryParam("participant") String participant,
            @Context SecurityContext security) {
        String named = participant == null || participant.isBlank() ? null : participant;
        return retries.retry(requestId(id), named, security.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "One request and each participant's answer")
    public DsrRequestView get(@PathParam("id") String id) {
        return views.find(requestId(id))
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Requests, newest first", description = "Optionally only those in one status.")
    public List<DsrRequestView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return views.newestFirst(status(status), limit);
    }

    // Taken as text so that a malformed id is a 400 that says so, not the 404 of a failed path conversion.
    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "The request id is not a UUID.");
        }
    }

    private static RequestStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST,
                    "Unknown status; use one of " + Arrays.toString(RequestStatus.values()) + ".");
        }
    }
}
