package eu.privacysuite.consent.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.domain.PolicyVersion;
import eu.privacysuite.consent.service.PolicyCatalogue;
import eu.privacysuite.consent.service.PolicyPublishing;
import eu.privacysuite.consent.service.Sites;

/** The policy in force per site, the catalogue the banner asks about, and publishing a new version. */
@Path("/api")
@Tag(name = "Cookie policy", description = "The policy version in force and its cookie services (public, for the banner).")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyCatalogue catalogue;
    private final PolicyPublishing publishing;
    private final Sites sites;

    public PolicyResource(PolicyCatalogue catalogue, PolicyPublishing publishing, Sites sites) {
        this.catalogue = catalogue;
        this.publishing = publishing;
        this.sites = sites;
    }

    @GET
    @Path("/policy")
    @PermitAll
    @Operation(summary = "The policy version in force on a site", description = "Consent is given to this version only.")
    public PolicyVersionView policy(@QueryParam("site") @Size(max = 64) String site) {
        return PolicyVersionView.of(publishing.current(sites.orDefault(site)));
    }

    @GET
    @Path("/policy-versions/current")
    @PermitAll
    @Operation(summary = "The policy version in force (same as /api/policy)")
    public PolicyVersionView currentVersion(@QueryParam("site") @Size(max = 64) String site) {
        return policy(site);
    }

    @POST
    @Path("/policy-versions")
    @RolesAllowed("privacy-controller")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a policy version", description = "It comes into force at once; visitors are "
            + "asked again only about the purposes it changed.")
    public Response publish(@Valid @NotNull PolicyVersionRequest request, @Context SecurityContext security) {
        PolicyVersion published = publishing.publish(request.site(), request.version(), request.text(),
                request.shownDate(), request.changedPurposes(), security.getUserPrincipal().getName());
        return Response.created(URI.create("/api/policy?site=" + published.siteId))
                .entity(PolicyVersionView.of(published)).build();
    }

    @GET
    @Path("/catalogue")
    @PermitAll
    @Operation(summary = "A site's cookie services, by category", description = "What the banner shows and asks about.")
    public CatalogueView catalogue(@QueryParam("site") @Size(max = 64) String site) {
        return CatalogueView.of(catalogue.catalogue(sites.orDefault(site)));
    }

    @GET
    @Path("/sites/{site}/banner")
    @PermitAll
    @Operation(summary = "What a site's banner shows in a language", description = "Texts, services by category "
            + "with purpose, cookies and the vendor's policy, and the hash each proof keeps of the text shown.")
    public BannerSetupView banner(@jakarta.ws.rs.PathParam("site") @Size(max = 64) String site,
            @QueryParam("lang") @Size(max = 16) String language) {
        return BannerSetupView.of(catalogue.banner(site, language));
    }
}
