package eu.privacysuite.console.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Operations: dsr-service's parked outbox rows (events the broker refused for good), re-queued one or all. */
@Path("/operations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class OperationsResource {

    private final Template operations;
    private final Page page;
    private final ServiceApi api;

    public OperationsResource(@Location("operations.html") Template operations, Page page, ServiceApi api) {
        this.operations = operations;
        this.page = page;
        this.api = api;
    }

    @GET
    public Response show(@QueryParam("done") String done) {
        return render(Inputs.oneOf("done", done, java.util.Set.of("requeued")), null, 200);
    }

    @POST
    @Path("parked/requeue")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requeueAll() {
        return after(api.post(Suite.DSR, "/api/admin/outbox/parked/requeue"));
    }

    @POST
    @Path("parked/{id}/requeue")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requeue(@PathParam("id") String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw new BadInput("'id' is a parked row's number.");
        }
        return after(api.post(Suite.DSR, "/api/admin/outbox/parked/" + id + "/requeue"));
    }

    private Response after(ApiAnswer answer) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/operations?done=requeued")).build();
        }
        return render(null, answer.detail(), answer.status());
    }

    private Response render(String done, String error, int status) {
        ApiAnswer parked = api.get(Suite.DSR, "/api/admin/outbox/parked");
        if (!parked.ok()) {
            return Views.serviceRefused(page, parked);
        }
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page.render(operations, "operations")
                .data("parked", parked.list()).data("done", done).data("error", error)).build();
    }
}
