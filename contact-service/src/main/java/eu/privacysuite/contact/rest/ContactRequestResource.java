package eu.privacysuite.contact.rest;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.contact.service.ContactService;

@Path("/api/contact-requests")
@Tag(name = "Contact form", description = "What the site's contact form sends (public).")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactRequestResource {

    private final ContactService contacts;

    public ContactRequestResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @POST
    @Operation(summary = "Send the contact form", description = "Stores the request in the prospect file under the subject's key.")
    public Response send(@Valid @NotNull ContactRequestForm form) {
        ContactRequestReceipt receipt = contacts.receive(form);
        return Response.created(URI.create("/api/contact-requests/" + receipt.id())).entity(receipt).build();
    }
}
