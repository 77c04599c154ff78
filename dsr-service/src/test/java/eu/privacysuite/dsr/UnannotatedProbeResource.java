package eu.privacysuite.dsr;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only: an endpoint someone forgot to annotate. TokenChecksTest shows it is denied to every caller. */
@Path("/api/test-only/unannotated")
public class UnannotatedProbeResource {

    @GET
    @Operation(hidden = true)
    public String forgotten() {
        return "this must never be answered";
    }
}
