package eu.privacysuite.consent.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.consent.service.ConsentAudit;
import eu.privacysuite.consent.service.ProofDigests;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableField;

/** The controller's and the auditor's view of the proofs: checks, digests, an export and consent rates. */
@Path("/api/consents")
@Tag(name = "Consent audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"privacy-controller", "privacy-auditor"})
public class AuditResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ConsentAudit audit;
    private final ProofDigests digests;

    public AuditResource(ConsentAudit audit, ProofDigests digests) {
        this.audit = audit;
        this.digests = digests;
    }

    @GET
    @Path("/proofs")
    @Operation(summary = "A visitor's proofs and the check of their hash chain")
    public AuditViews.VisitorProofs proofs(
            @QueryParam("visitor") @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String visitor) {
        ConsentAudit.VisitorProofs found = audit.ofVisitor(UUID.fromString(visitor));
        return new AuditViews.VisitorProofs(UUID.fromString(visitor),
                new AuditViews.Check(found.check().intact(), found.check().problems()),
                found.proofs().stream().map(p -> AuditViews.Proof.of(p, found.digests())).toList());
    }

    @GET
    @Path("/export")
    @Operation(summary = "A site's proofs given in [from, to) and the digests made then, each checked")
    public AuditViews.Export export(@QueryParam("site") @NotNull @Size(max = 64) String site,
            @QueryParam("from") @NotNull String from, @QueryParam("to") @NotNull String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        ConsentAudit.Export export = audit.export(site, start, end);
        return new AuditViews.Export(site, start, end,
                export.proofs().stream().map(p -> AuditViews.Proof.of(p, export.digests())).toList(),
                export.digestChecks().stream().map(AuditViews.Digest::of).toList());
    }

    @GET
    @Path("/rates")
    @Operation(summary = "Accepted and refused per service, policy version and week on a site")
    public List<ConsentAudit.Rate> rates(@QueryParam("site") @NotNull @Size(max = 64) String site) {
        return audit.rates(site);
    }

    @GET
    @Path("/digests/{id}")
    @Operation(summary = "A signed digest and its check")
    public AuditViews.Digest digest(@PathParam("id") @Pattern(regexp = "[0-9]{1,18}", message = "must be a number") String id) {
        return digests.check(Long.parseLong(id)).map(AuditViews.Digest::of)
                .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No such digest."));
    }

    @POST
    @Path("/digests")
    @RolesAllowed("privacy-controller")
    @Operation(summary = "Sign a digest of the proofs recorded since the last one now, without waiting for the interval")
    public Response digestNow() {
        return digests.digestNewProofs()
                .map(id -> Response.status(Status.CREATED).entity(digest(Long.toString(id))).build())
                .orElse(Response.noContent().build());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnprocessableField(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
