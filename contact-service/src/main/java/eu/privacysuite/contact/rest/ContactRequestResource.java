package eu.privacysuite.contact.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.contact.domain.EmailAddresses;
import eu.privacysuite.contact.service.ContactIntake;
import eu.privacysuite.contact.service.ContactSubmission;
import eu.privacysuite.contact.service.Languages;
import eu.privacysuite.contact.service.Links;
import eu.privacysuite.contact.service.PhoneNumbers;
import eu.privacysuite.contact.service.ProspectFile;
import eu.privacysuite.contact.service.ProspectFile.Page;
import eu.privacysuite.contact.service.Receipt;
import eu.privacysuite.contact.service.RetentionTerms;
import eu.privacysuite.shared.problem.Problem;

@Path("/api/contact-requests")
@Tag(name = "Contact form", description = "What the site's contact form sends (public).")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactRequestResource {

    private final ContactIntake intake;
    private final ProspectFile file;
    private final JsonWebToken principal;
    private final ContactConfig config;
    private final RetentionTerms terms;

    public ContactRequestResource(ContactIntake intake, ProspectFile file, JsonWebToken principal, ContactConfig config,
            RetentionTerms terms) {
        this.terms = terms;
        this.intake = intake;
        this.file = file;
        this.principal = principal;
        this.config = config;
    }

    @POST
    @PermitAll
    @RateLimited
    @Operation(summary = "Send the contact form", description = "Stores the submission as its own contact request and "
            + "mails an acknowledgement whose link confirms the address; only then is a visitor linked and the person "
            + "enrolled in the prospect file. The same Idempotency-Key gives the same request. The answer carries the "
            + "information notice in the site's language.")
    public Response send(@Valid @NotNull ContactRequestForm form,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Languages.pick(form.language(), acceptLanguage);
        InformationNotice notice = InformationNotice.in(language, terms);
        if (form.website() != null && !form.website().isBlank()) {
            // A robot filled the honeypot: it gets the usual answer, Location included, and nothing is kept or sent.
            return created(new ContactRequestReceipt(UUID.randomUUID(), Instant.now(), notice));
        }
        Receipt receipt = intake.receive(toSubmission(form, language), idempotencyKey);
        ContactRequestReceipt body = new ContactRequestReceipt(receipt.id(), receipt.receivedAt(), notice);
        if (receipt.repeated()) {
            return Response.ok(body).build();
        }
        return created(body);
    }

    /** The public address of the request, as the links in mails are (the service may sit under a path prefix). */
    private Response created(ContactRequestReceipt body) {
        return Response.created(URI.create(Links.contactRequest(config, body.id()))).entity(body).build();
    }

    private ContactSubmission toSubmission(ContactRequestForm form, String language) {
        String email = EmailAddresses.canonical(form.email()).orElseThrow();
        String parentEmail = intake.parentEmail(form.age(), email, form.parentEmail());
        return new ContactSubmission(form.civility(), form.firstName(), form.lastName(), email,
                form.phone() == null ? null : PhoneNumbers.toE164(form.phone(), form.country()).orElseThrow(),
                form.postalAddress(), form.country(), form.message(), form.visitorId(), language, form.age(),
                parentEmail);
    }

    @GET
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "List the contact requests, newest first")
    public Page<ContactRequestView> requests(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Page<eu.privacysuite.contact.domain.ContactRequest> found = file.requests(page, size);
        return new Page<>(found.items().stream().map(ContactRequestView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "One contact request", description = "The resource the form's answer names in Location; "
            + "404 when unknown or its subject is restricted.")
    public Response request(@PathParam("id") UUID id) {
        return file.request(id).map(r -> Response.ok(ContactRequestView.of(r)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No such contact request.").toResponse());
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "Record that the controller reached the author of a request", description = "The address counts "
            + "as confirmed: the request joins the prospect file (unless held or opposed) and its visitor is linked.")
    public Response recordContactOnRequest(@PathParam("id") UUID id) {
        return file.recordContactOnRequest(id, principal.getName()).map(r -> Response.ok(ContactRequestView.of(r)).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND, "No such contact request.").toResponse());
    }
}
