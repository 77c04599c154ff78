package eu.privacysuite.consent.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.service.PolicyCatalogue;

/**
 * The banner script sites embed. The policy version in force on each site is written into it, so that on a page
 * view the banner decides from its cookie alone; a short cache lets a new version reach visitors within minutes.
 */
@Path("/banner.js")
@Tag(name = "Banner")
public class BannerResource {

    static final String TEMPLATE = "banner/banner.js";
    private static final String PLACEHOLDER = "\"__POLICIES__\"";

    private final String template;
    private final PolicyCatalogue catalogue;
    private final ObjectMapper mapper;

    public BannerResource(PolicyCatalogue catalogue, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        try (InputStream in = BannerResource.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @PermitAll
    @Produces("text/javascript; charset=utf-8")
    @Operation(summary = "The banner script", description = "<script src=\".../banner.js\" data-site=\"...\" defer>")
    public Response script() throws JsonProcessingException {
        String policies = mapper.writeValueAsString(catalogue.policiesForBanner());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(template.replace(PLACEHOLDER, policies)).cacheControl(cache).build();
    }
}
