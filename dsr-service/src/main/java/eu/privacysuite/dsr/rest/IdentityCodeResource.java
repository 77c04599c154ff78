package eu.privacysuite.dsr.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import eu.privacysuite.dsr.service.IdentityCodes;
import eu.privacysuite.shared.problem.ProblemException;
import eu.privacysuite.shared.problem.UnprocessableContent;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Identity by a code mailed to the subject's address: the controller has it sent, then enters what came back. */
@Path("/api/requests/{id}/identity-code")
@Tag(name = "Data-subject requests")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityCodeResource {

    private static final Logger LOG = Logger.getLogger(IdentityCodeResource.class);

    private final IdentityCodes codes;
    private final Mailer mailer;

    public IdentityCodeResource(IdentityCodes codes, Mailer mailer) {
        this.codes = codes;
        this.mailer = mailer;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Mail an identity code to the subject", description = "Six digits, single use, valid 30 "
            + "minutes, void after 5 wrong tries; a new one replaces the previous one. While identity is awaited.")
    public Map<String, Instant> mail(@PathParam("id") String id, @Context SecurityContext security) {
        UUID requestId = DsrRequestResource.requestId(id);
        IdentityCodes.IssuedCode issued = codes.issue(requestId, DsrRequestResource.principal(security));
        try {
            mailer.send(Mail.withText(issued.email(), "Code de vérification / Verification code",
                    "Votre code de vérification pour votre demande relative à vos données personnelles : "
                            + issued.code() + "\nIl est valable jusqu'à " + issued.expiresAt() + " (UTC).\n\n"
                            + "Your verification code for your personal data request: " + issued.code()
                            + "\nIt is valid until " + issued.expiresAt() + " (UTC).\n"));
        } catch (RuntimeException e) {
            LOG.warnf("request %s: the identity code could not be mailed: %s", requestId, e.getClass().getSimpleName());
            throw new ProblemException(Status.BAD_GATEWAY, "The code could not be mailed; try again.");
        }
        return Map.of("expiresAt", issued.expiresAt());
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
            return check.verified();
        }
        // Refused after the transaction committed, so that the wrong try is counted.
        throw new ProblemException(check.status() == null ? UnprocessableContent.STATUS : check.status(),
                check.refusal());
    }
}
