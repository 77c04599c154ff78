package eu.privacysuite.retention.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.retention.service.ExternalPurgeReports;
import eu.privacysuite.shared.external.ExternalSignature;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * An external system's report of a purge order it was sent (docs/external-systems.md, "Purge orders"). No token: the
 * signature is checked at the door ({@link SignedBodies}), as for the system's clocks. A replay is answered as the
 * first report was taken: the first report is the one kept.
 */
@Path("/api/retention/external/{system}/purge-reports")
@Tag(name = "External retention feeds")
public class PurgeReportResource {

    /** What the system is told: the order, and whether this report settled it or one before did. */
    public record ReportResult(UUID orderId, ExternalPurgeReports.Outcome outcome) {
    }

    private final ExternalPurgeReports reports;
    private final SignedBodies door;

    public PurgeReportResource(ExternalPurgeReports reports, SignedBodies door) {
        this.reports = reports;
        this.door = door;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An external system's report of a purge order", description = "Signed with the system's key "
            + "like its clocks. Every record of the order in exactly one of deleted, notFound, refused. 200 RECORDED, or "
            + "ALREADY_REPORTED for a replay; 401 unknown system, unsigned, forged or stale; 404 no such order; 403 "
            + "another system's order; 400 not a report, or lists that do not name the order's records each once.")
    public ReportResult report(@PathParam("system") String system,
            @HeaderParam(ExternalSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(ExternalSignature.SIGNATURE_HEADER) String signature, byte[] body) {
        PurgeReportRequest report = door.read(system, timestamp, signature, body, PurgeReportRequest.class,
                "a purge report", "an object with orderId, deleted, notFound and refused").body();
        ExternalPurgeReports.Outcome outcome = reports.report(system, report.orderId(), report.deleted(),
                report.notFound(), report.refused());
        return switch (outcome) {
            case RECORDED, ALREADY_REPORTED -> new ReportResult(report.orderId(), outcome);
            case UNKNOWN_ORDER -> throw new ProblemException(Status.NOT_FOUND, "No purge order has this orderId.");
            case ANOTHER_SYSTEMS_ORDER -> throw new ProblemException(Status.FORBIDDEN,
                    "This purge order was not sent to this system.");
            case NOT_THE_ORDERS_RECORDS -> throw SignedBodies.malformed("a report of this order",
                    "deleted, notFound and refused must name every record of the order exactly once");
        };
    }
}
