package eu.privacysuite.consent.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.shared.problem.ProblemException;

/**
 * Does nothing: the baseline bench/run measures beside the consent write and read, on the same server. It answers
 * 404 unless the process runs with {@code privacy.bench.empty-endpoint=true} (PRIVACY_BENCH_EMPTY_ENDPOINT), which
 * only bench/run's own stack sets: a switch at run time, so the benchmark measures the jar that ships.
 */
@Path("/api/empty")
@Tag(name = "Banner")
public class EmptyResource {

    private final boolean switchedOn;

    public EmptyResource(@ConfigProperty(name = "privacy.bench.empty-endpoint", defaultValue = "false") boolean switchedOn) {
        this.switchedOn = switchedOn;
    }

    @GET
    @PermitAll
    @Operation(summary = "An empty answer (204), the baseline of the benchmarks; 404 outside bench/run's stack")
    public void empty() {
        if (!switchedOn) {
            throw new ProblemException(Status.NOT_FOUND, "No such resource.");
        }
    }
}
