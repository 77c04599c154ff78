package eu.privacysuite.consent.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.consent.service.PolicyCatalogue;
import io.quarkus.vertx.http.Compressed;

/**
 * The banner script sites embed. The version in force on each site, and nothing else of the policies, is written
 * into it, so that on a page view the banner decides from its cookie alone and the script does not grow with
 * publications; a short cache lets a new version reach visitors within minutes. Sent gzipped to a browser that
 * accepts it, with an ETag of its text: once the five minutes are over, a browser that still has the same script
 * gets a 304 without a body.
 */
@Path("/banner.js")
@Tag(name = "Banner")
public class BannerResource {

    static final String TEMPLATE = "banner/banner.js";
    private static final String PLACEHOLDER = "\"__VERSIONS__\"";

    private final String template;
    private final PolicyCatalogue catalogue;
    private final ObjectMapper mapper;
    /** The script last rendered, kept while the versions in force are the same. */
    private volatile Rendered last = new Rendered("", "", new EntityTag("", true));

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
    @Compressed
    @Produces("text/javascript; charset=utf-8")
    @Operation(summary = "The banner script", description = "<script src=\".../banner.js\" data-site=\"...\" defer>")
    public Response script(@Context Request request) throws JsonProcessingException {
        Rendered script = render(mapper.writeValueAsString(catalogue.versionsInForce()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(script.etag());
        // Sent gzipped or not by the Accept-Encoding: a shared cache keeps one copy of each.
        Response.ResponseBuilder response = unchanged != null ? unchanged : Response.ok(script.text());
        return response.cacheControl(cache).tag(script.etag()).header("Vary", "Accept-Encoding").build();
    }

    private Rendered render(String versions) {
        Rendered known = last;
        if (known.versions().equals(versions)) {
            return known;
        }
        String text = template.replace(PLACEHOLDER, versions);
        Rendered rendered = new Rendered(versions, text, new EntityTag(digest(text), true));
        last = rendered;
        return rendered;
    }

    /**
     * A weak tag: the same script is sent gzipped or not, and both are the same to a browser (RFC 9110, 8.8.1).
     * 16 bytes of SHA-256 of the text, base64url.
     */
    static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Rendered(String versions, String text, EntityTag etag) {
    }
}
