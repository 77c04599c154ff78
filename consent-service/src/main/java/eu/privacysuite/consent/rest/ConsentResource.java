package eu.privacysuite.consent.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.service.Choice;
import eu.privacysuite.consent.service.ConsentService;
import eu.privacysuite.consent.service.RecordedConsent;
import eu.privacysuite.consent.service.Sites;
import io.vertx.core.http.HttpServerRequest;

/** The banner's calls: record a choice, and (for a site's server) read the choice that holds. */
@Path("/api/consents")
@PermitAll
@Tag(name = "Cookie consent", description = "The visitor's cookie choices, stored as proofs (public, for the banner).")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    /** The header that carries the signed visitor id on a read: never the URL. */
    public static final String VISITOR_TOKEN = "Visitor-Token";

    private final ConsentService consents;
    private final Sites sites;

    public ConsentResource(ConsentService consents, Sites sites) {
        this.consents = consents;
        this.sites = sites;
    }

    @POST
    @Operation(summary = "Record a cookie choice", description = "Stores a proof chained to the visitor's previous "
            + "one. Without visitorToken a new visitor is issued; with one, its signature must hold. A GPC choice "
            + "is answered with the visitor's explicit choice, when there is one, and records nothing.")
    @APIResponse(responseCode = "201", description = "The proof of the visitor's choice.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentProofView.class)))
    @APIResponse(responseCode = "409", description = "The policy version is no longer the one in force.")
    @APIResponse(responseCode = "422", description = "The policy version or a service id is not in the catalogue.")
    public Response give(@Valid @NotNull ConsentRequest request, @HeaderParam("Sec-GPC") String gpc,
            @HeaderParam("User-Agent") String userAgent, @HeaderParam("Origin") String origin,
            @Context HttpServerRequest http) {
        String site = sites.orDefault(request.site());
        sites.require(site);
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        RecordedConsent recorded = consents.give(new Choice(site, request.visitorToken(), request.policyVersion(),
                request.action(), request.decisions(), request.language(), "1".equals(gpc),
                ClientFacts.ipPrefix(address), ClientFacts.browserFamily(userAgent), origin, http.getHeader("Host")));
        ConsentProofView view = ConsentProofView.of(recorded);
        return recorded.proof().givenAt.equals(recorded.now())
                ? Response.created(URI.create("/api/consents/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/current")
    @Operation(summary = "The visitor's choice that still holds", description = "The signed visitor id goes in "
            + "the Visitor-Token header. 404 when the banner must ask.")
    public ConsentProofView current(@QueryParam("site") @Size(max = 64) String site,
            @HeaderParam(VISITOR_TOKEN) String visitorToken) {
        return ConsentProofView.of(consents.current(sites.orDefault(site), visitorToken));
    }
}
