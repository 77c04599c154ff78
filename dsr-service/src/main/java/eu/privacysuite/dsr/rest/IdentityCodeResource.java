package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.dsr.service.IdentityCodes;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableContent;

/** Identity by a code mailed to the subject's address: the controller has it sent, then enters what came back. */
@Path("/api/requests/{id}/identity-code")
@Tag(name = "Data-subject requests")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityCodeResource {

    private final IdentityCodes codes;

    public IdentityCodeResource(IdentityCodes codes) {
        this.codes = codes;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Mail an identity code to the subject", description = "Six digits, single use, valid 30 "
            + "minutes, void after 5 wrong tries; a new one replaces the previous one. While identity is awaited. "
            + "The mail is queued with the code and sent within seconds, retried while the mail server fails.")
    public Map<String, Instant> mail(@PathParam("id") String id, @Context SecurityContext security) {
        return Map.of("expiresAt", codes.issue(DsrRequestResource.requestId(id), DsrRequestResource.principal(security)));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Enter the code the subject sent back", description = "The right code verifies identity "
            + "(method CODE) and starts the work; a wrong one is 422 and counts as a try.")
    public DsrRequestView check(@PathParam("id") String id, @Valid @NotNull IdentityCodeForm form,
            @Context SecurityContext security) {
        IdentityCodes.Check check = codes.check(DsrRequestResource.requestId(id), form.code(),
                DsrRequestResource.principal(security));
        if (check.verified() != null) {
            return DsrRequestView.of(check.verified());
        }
        // Refused after the transaction committed, so that the wrong try is counted.
        throw new ProblemException(check.status() == null ? UnprocessableContent.STATUS : check.status(),
                check.refusal());
    }
}
