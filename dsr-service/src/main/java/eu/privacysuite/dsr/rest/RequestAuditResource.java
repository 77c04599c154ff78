package eu.privacysuite.dsr.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.dsr.domain.DsrAuditEntry;
import eu.privacysuite.dsr.service.AuditTrail;
import eu.privacysuite.shared.problem.ProblemException;

/** A request's audit trail: who did what and when, chained by hash, with the chain's check. */
@Path("/api/requests/{id}/audit")
@Tag(name = "Data-subject requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestAuditResource {

    private final AuditTrail trail;

    public RequestAuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "A request's audit trail and whether its hash chain verifies", description = "Every step "
            + "taken on the request, oldest first: when, who acted, what was done, and the entry's hash. When the "
            + "chain does not verify, names the first entry that breaks it.")
    public AuditTrailView audit(@PathParam("id") String id) {
        UUID requestId = requestId(id);
        AuditTrail.Trail read = trail.read(requestId)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No request has this id."));
        List<AuditTrailView.Entry> entries = new ArrayList<>();
        for (DsrAuditEntry e : read.entries()) {
            entries.add(new AuditTrailView.Entry(entries.size() + 1, e.at, e.actor, e.event, e.prevHash, e.hash));
        }
        return new AuditTrailView(requestId, entries, read.verdict().intact(), read.verdict().brokenAt(),
                read.verdict().problem());
    }

    // Taken as text so that a malformed id is a 400 that says so, not the 404 of a failed path conversion.
    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "The request id is not a UUID.");
        }
    }
}
