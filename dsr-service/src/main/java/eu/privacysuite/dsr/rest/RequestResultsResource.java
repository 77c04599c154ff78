package eu.privacysuite.dsr.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.privacysuite.dsr.service.AccessReport;
import eu.privacysuite.dsr.service.CompletionSummary;
import eu.privacysuite.dsr.service.Language;
import eu.privacysuite.dsr.service.PortabilityPackage;
import eu.privacysuite.dsr.service.RequestResults;
import eu.privacysuite.shared.events.DsrAction;
import eu.privacysuite.shared.problem.ProblemException;

/**
 * What a closed request produced: the access report, the portability package (both downloadable for a limited
 * time after completion, each download audited) and the summary the controller sends the person.
 */
@Path("/api/requests")
@Tag(name = "Data-subject requests")
public class RequestResultsResource {

    private static final String ZIP = "application/zip";

    private final RequestResults results;
    private final AccessReport reports;
    private final PortabilityPackage packages;
    private final CompletionSummary summaries;

    public RequestResultsResource(RequestResults results, AccessReport reports, PortabilityPackage packages,
            CompletionSummary summaries) {
        this.results = results;
        this.reports = reports;
        this.packages = packages;
        this.summaries = summaries;
    }

    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "The access report of a completed ACCESS request", description = "An HTML page for the "
            + "person, in French (lang=fr, the default) or English (lang=en); 409 before completion, 410 once the "
            + "download window has closed.")
    public Response report(@PathParam("id") String id, @QueryParam("lang") String lang,
            @Context SecurityContext security) {
        Language language = Language.of(lang);
        String html = results.download(requestId(id), DsrAction.ACCESS, "report", actor(security),
                assembled -> reports.render(assembled, language));
        return personal(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag)
                // The page shows data as text only: no script, no remote resource.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    @GET
    @Path("{id}/package")
    @Produces(ZIP)
    @RolesAllowed(Roles.CONTROLLER)
    @Operation(summary = "The portability package of a completed PORTABILITY request", description = "A zip with "
            + "export.json and one CSV per service and category; 409 before completion, 410 once the download "
            + "window has closed.")
    public Response portabilityPackage(@PathParam("id") String id, @Context SecurityContext security) {
        UUID requestId = requestId(id);
        byte[] zip = results.download(requestId, DsrAction.PORTABILITY, "package", actor(security), packages::write);
        return personal(Response.ok(zip, ZIP))
                .header("Content-Disposition", "attachment; filename=\"request-" + requestId + ".zip\"").build();
    }

    @GET
    @Path("{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CONTROLLER, Roles.AUDITOR })
    @Operation(summary = "The completion summary to send to the person", description = "What was done, by which "
            + "service and when, and the right to complain to the CNIL; its text field is ready to send. 409 until "
            + "the request is completed.")
    public CompletionSummary.Summary summary(@PathParam("id") String id, @QueryParam("lang") String lang) {
        Language language = Language.of(lang);
        return summaries.of(requestId(id), language);
    }

    private static Response.ResponseBuilder personal(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("X-Content-Type-Options", "nosniff");
    }

    /** The token's subject: who downloaded, for the audit trail. */
    private static String actor(SecurityContext security) {
        return security.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                : security.getUserPrincipal().getName();
    }

    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Status.BAD_REQUEST, "The request id is not a UUID.");
        }
    }
}
