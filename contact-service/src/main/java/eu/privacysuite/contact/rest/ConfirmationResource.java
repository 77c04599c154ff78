package eu.privacysuite.contact.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.contact.service.Confirmations;
import eu.privacysuite.contact.service.Tokens;
import eu.privacysuite.shared.problem.Problem;

/**
 * The links in mails. Opening one (GET) shows a button and changes nothing, so a mail scanner that fetches links
 * uses up no token; the button POSTs, which confirms.
 */
@Path("/api/confirmations/{token}")
@Tag(name = "Mail links")
@PermitAll
public class ConfirmationResource {

    /** What a link confirmed. */
    public record Confirmed(String confirmed) {
    }

    private final Confirmations confirmations;

    public ConfirmationResource(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page a confirmation link opens", description = "A button that confirms; nothing changes yet.")
    public Response page(@PathParam("token") String token) {
        if (!Tokens.isWellFormed(token)) {
            // Answered as the POST answers an unknown token; a token of the wrong shape was never sent by mail.
            return Problem.of(Response.Status.NOT_FOUND, "This link is not valid or was already used.").toResponse();
        }
        return Response.ok("""
                <!doctype html><html><head><meta charset="utf-8"><title>Confirmation</title></head><body>
                <form method="post"><p>Confirmer / Confirm</p><button type="submit">Confirmer / Confirm</button></form>
                </body></html>""").build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm", description = "Uses the single-use token: 404 when unknown or used, 410 when expired.")
    public Confirmed confirm(@PathParam("token") String token) {
        return new Confirmed(confirmations.confirm(token).name());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public String confirmFromBrowser(@PathParam("token") String token) {
        confirmations.confirm(token);
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Confirmation</title></head><body>
                <p>Merci, c'est confirmé. / Thank you, it is confirmed.</p></body></html>""";
    }
}
