package eu.privacysuite.consent.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

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
 * The banner script sites embed. The version in force on each site, and nothing else of the policies, is written
 * into it, so that on a page view the banner decides from its cookie alone and the script does not grow with
 * publications; a short cache lets a new version reach visitors within minutes.
 */
@Path("/banner.js")
@Tag(name = "Banner")
public class BannerResource {

    static final String TEMPLATE = "banner/banner.js";
    private static final String PLACEHOLDER = "\"__VERSIONS__\"";

    private final String template;
    private final PolicyCatalogue catalogue;
    private final ObjectMapper mapper;

    public BannerResource(PolicyCatalogue catalogue, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.mapper = mapper;
        try (InputStream in = BannerResource.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            this.template = compact(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Served without indentation and comment lines: every page view downloads it (size budget: BannerSizeTest). */
    static String compact(String script) {
        return script.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @GET
    @PermitAll
    @Produces("text/javascript; charset=utf-8")
    @Operation(summary = "The banner script", description = "<script src=\".../banner.js\" data-site=\"...\" defer>")
    public Response script() throws JsonProcessingException {
        String versions = mapper.writeValueAsString(catalogue.versionsInForce());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(template.replace(PLACEHOLDER, versions)).cacheControl(cache).build();
    }
}
