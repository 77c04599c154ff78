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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.service.ConsentService;

@Path("/api/consents")
@Tag(name = "Cookie consent", description = "The visitor's cookie choices, stored as proofs (public, for the banner).")
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
    @APIResponse(responseCode = "201", description = "The proof of the visitor's choice.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentProofView.class)))
    @APIResponse(responseCode = "409", description = "The policy version is no longer the one in force.")
    @APIResponse(responseCode = "422", description = "The policy version or a service id is not in the catalogue.")
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
