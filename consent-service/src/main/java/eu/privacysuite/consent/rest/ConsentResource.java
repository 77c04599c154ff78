package eu.privacysuite.consent.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.service.ConsentService;

@Path("/api/consents")
@Tag(name = "Cookie consent")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** Checked here rather than converted by JAX-RS, which answers a bad query parameter with 404. */
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ConsentService consents;

    public ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @POST
    @Operation(summary = "Record a cookie choice", description = "Stores a proof of the visitor's choice for every "
            + "service of the catalogue; services not named are refused.")
    public Response give(@Valid @NotNull ConsentRequest request) {
        ConsentProofView proof = consents.give(request);
        return Response.created(URI.create("/api/consents/" + proof.id())).entity(proof).build();
    }

    @GET
    @Path("/current")
    @Operation(summary = "The visitor's choice that still holds", description = "404 when the banner must ask.")
    public ConsentProofView current(
            @QueryParam("visitorId") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String visitorId) {
        return consents.current(UUID.fromString(visitorId));
    }
}
