package eu.privacysuite.consent.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Does nothing: the baseline bench/run measures beside the consent write and read, on the same server. Built only
 * with {@code -Dprivacy.bench.empty-endpoint=true} (see bench/run): the production build has no such endpoint.
 */
@IfBuildProperty(name = "privacy.bench.empty-endpoint", stringValue = "true")
@Path("/api/empty")
@Tag(name = "Banner")
public class EmptyResource {

    @GET
    @PermitAll
    @Operation(summary = "An empty answer (204), the baseline of the benchmarks")
    public void empty() {
    }
}
