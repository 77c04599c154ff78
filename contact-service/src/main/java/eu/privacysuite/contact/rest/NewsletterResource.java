package eu.privacysuite.contact.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.contact.domain.EmailAddresses;
import eu.privacysuite.contact.service.ContactIntake;
import eu.privacysuite.contact.service.Languages;
import eu.privacysuite.contact.service.Newsletter;
import eu.privacysuite.contact.service.RetentionTerms;
import eu.privacysuite.contact.service.ProspectFile.Page;
import eu.privacysuite.shared.problem.Problem;

@Path("/api/newsletter")
@Tag(name = "Newsletter")
@Produces(MediaType.APPLICATION_JSON)
public class NewsletterResource {

    /** The answer to a subscription or unsubscription: the same whatever the address's state, with the notice. */
    public record Accepted(String status, InformationNotice notice) {
    }

    private final Newsletter newsletter;
    private final ContactIntake intake;
    private final RetentionTerms terms;

    public NewsletterResource(Newsletter newsletter, ContactIntake intake, RetentionTerms terms) {
        this.newsletter = newsletter;
        this.intake = intake;
        this.terms = terms;
    }

    @POST
    @Path("/subscriptions")
    @PermitAll
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe (double opt-in)", description = "Mails a single-use link that expires; the "
            + "subscription is active only once confirmed (and, under 15, once a parent confirmed).")
    public Response subscribe(@Valid @NotNull NewsletterForm form,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Languages.pick(form.language(), acceptLanguage);
        if (form.website() == null || form.website().isBlank()) {
            String email = EmailAddresses.canonical(form.email()).orElseThrow();
            newsletter.subscribe(email, language, form.age(),
                    intake.parentEmail(form.age(), email, form.parentEmail()));
        }
        return Response.accepted(new Accepted("CONFIRMATION_SENT_IF_NEEDED", InformationNotice.in(language, terms))).build();
    }

    @POST
    @Path("/unsubscriptions")
    @PermitAll
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unsubscribe by address", description = "One step; starts the NEWSLETTER retention clock.")
    public Response unsubscribeByAddress(@Valid @NotNull UnsubscribeForm form,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        newsletter.unsubscribeByAddress(EmailAddresses.canonical(form.email()).orElseThrow());
        String language = Languages.pick(null, acceptLanguage);
        return Response.accepted(new Accepted("UNSUBSCRIBED", InformationNotice.in(language, terms))).build();
    }

    @GET
    @Path("/unsubscribe/{token}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Unsubscribe by the link in every message", description = "One step, no login.")
    public Response unsubscribeByLink(@PathParam("token") String token) {
        if (!newsletter.unsubscribeByLink(token)) {
            return Problem.of(Response.Status.NOT_FOUND, "This unsubscribe link is not valid.").toResponse();
        }
        return Response.ok("""
                <!doctype html><html><head><meta charset="utf-8"><title>Newsletter</title></head><body>
                <p>Vous êtes désabonné. / You are unsubscribed.</p></body></html>""").build();
    }

    @POST
    @Path("/unsubscribe/{token}")
    @PermitAll
    @Operation(summary = "One-click unsubscribe (RFC 8058)", description = "What mail clients send for List-Unsubscribe.")
    public Response unsubscribeOneClick(@PathParam("token") String token) {
        if (!newsletter.unsubscribeByLink(token)) {
            return Problem.of(Response.Status.NOT_FOUND, "This unsubscribe link is not valid.").toResponse();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/subscribers")
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The sending list", description = "Active subscribers with their unsubscribe link; never the "
            + "unconfirmed, the unsubscribed, the restricted or the opposed.")
    public Page<Newsletter.Subscriber> subscribers(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<Newsletter.Subscriber> items = newsletter.subscribers(page, size);
        return new Page<>(items, page, size, newsletter.subscriberCount());
    }
}
