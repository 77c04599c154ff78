package eu.privacysuite.dsr.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.shared.outbox.ParkedEvents;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * The operator's door to this service's parked outbox rows: events the broker refused for good (unknown topic,
 * record too large, not authorised). After fixing the cause, re-queue them; they keep their place in their key.
 */
@Path("/api/admin/outbox/parked")
@Tag(name = "Outbox administration")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final ParkedEvents parked;

    public OutboxAdminResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "Parked events, oldest first", description = "Event id, topic and the broker's reason; "
            + "never the key or the payload.")
    public List<ParkedEvents.ParkedEvent> listParked(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parked.list(limit);
    }

    @POST
    @Path("requeue")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Re-queue every parked event", description = "Answers how many went back in line.")
    public Map<String, Integer> requeueAll() {
        return Map.of("requeued", parked.requeueAll());
    }

    @POST
    @Path("{id}/requeue")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Re-queue one parked event")
    public Map<String, Integer> requeue(@PathParam("id") long id) {
        int requeued = parked.requeue(id);
        if (requeued == 0) {
            throw new ProblemException(Status.NOT_FOUND, "No parked event has this id.");
        }
        return Map.of("requeued", requeued);
    }
}
