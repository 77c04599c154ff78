package eu.privacysuite.contact.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.contact.service.ProspectFile;
import eu.privacysuite.contact.service.ProspectFile.Page;
import eu.privacysuite.shared.problem.Problem;

/** The controller's prospect file (JWT). Restricted subjects are left out of every answer. */
@Path("/api/prospects")
@Tag(name = "Prospect file")
@Produces(MediaType.APPLICATION_JSON)
public class ProspectResource {

    private final ProspectFile file;
    private final ProspectCsv csv;
    private final JsonWebToken principal;

    public ProspectResource(ProspectFile file, ProspectCsv csv, JsonWebToken principal) {
        this.file = file;
        this.csv = csv;
        this.principal = principal;
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "List or search prospects", description = "q matches first name, last name or email.")
    public Page<ProspectView> prospects(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Page<eu.privacysuite.contact.domain.Prospect> found = file.search(q, page, size);
        return new Page<>(found.items().stream().map(ProspectView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Export the prospect file as CSV", description = "Neither restricted nor opposed prospects.")
    public Response export() {
        return Response.ok(csv.write(file.exportable()))
                .header("Content-Disposition", "attachment; filename=\"prospects.csv\"").build();
    }

    @POST
    @Path("/{id}/contacts")
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record a contact with a prospect", description = "Moves the last contact: the 3-year clock restarts.")
    public Response recordContact(@PathParam("id") UUID id) {
        return file.recordContact(id, principal.getName()).map(p -> Response.ok(ProspectView.of(p)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No such prospect.").toResponse());
    }
}
