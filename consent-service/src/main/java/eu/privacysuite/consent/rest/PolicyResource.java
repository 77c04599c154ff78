package eu.privacysuite.consent.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.service.PolicyCatalogue;

/** What the banner needs before it asks: the policy version in force and the services that set cookies. */
@Path("/api")
@Tag(name = "Cookie policy", description = "The policy version in force and its cookie services (public, for the banner).")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyCatalogue catalogue;

    public PolicyResource(PolicyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/policy-versions/current")
    @Operation(summary = "The policy version in force", description = "Consent is given to this version only.")
    public PolicyVersionView currentVersion() {
        return catalogue.currentVersion();
    }

    @GET
    @Path("/catalogue")
    @Operation(summary = "The cookie services, by category", description = "What the banner shows and asks about.")
    public CatalogueView catalogue() {
        return catalogue.catalogue();
    }
}
