package eu.privacysuite.console.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.RequestClock;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A request's page: its clock, the identity step, the participants' outcomes, the audit trail with its chain check,
 * the results to download and the completion summary. The actions are in {@link RequestActionsResource}.
 */
@Path("/requests/{id}")
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class RequestResource {

    /** What the page may say was just done (?done=), from the actions' redirects. */
    static final Set<String> DONE = Set.of("created", "duplicate", "document", "code-sent", "identity", "rejected",
            "cancelled", "extended", "retried");

    private final Template request;
    private final Page page;
    private final ServiceApi api;

    public RequestResource(@Location("request.html") Template request, Page page, ServiceApi api) {
        this.request = request;
        this.page = page;
        this.api = api;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @QueryParam("done") String done) {
        return render(Inputs.uuid("id", id), Inputs.oneOf("done", done, DONE), null, 200);
    }

    /** The page again, with what a service refused (its problem's detail) at the top. */
    Response render(UUID id, String done, String error, int httpStatus) {
        ApiAnswer answer = api.get(Suite.DSR, "/api/requests/" + id);
        if (!answer.ok()) {
            return Views.serviceRefused(page, answer);
        }
        Map<String, Object> view = answer.map();
        ApiAnswer audit = api.get(Suite.DSR, "/api/requests/" + id + "/audit");
        Map<String, Object> trail = audit.ok() ? audit.map() : null;
        boolean hasDocument = trail != null && ((List<?>) trail.get("entries")).stream()
                .anyMatch(e -> String.valueOf(((Map<?, ?>) e).get("event")).startsWith("identity document received"));
        Map<String, Object> summary = null;
        if ("COMPLETED".equals(view.get("status"))) {
            ApiAnswer s = api.get(Suite.DSR, "/api/requests/" + id + "/summary?lang=" + view.get("language"));
            summary = s.ok() ? s.map() : null;
        }
        Instant now = Instant.now();
        String status = String.valueOf(view.get("status"));
        return Response.status(httpStatus).type(MediaType.TEXT_HTML).entity(page.render(request, "requests")
                .data("r", view).data("trail", trail).data("summary", summary).data("done", done).data("error", error)
                .data("clock", RequestClock.state(view, now)).data("daysLeft", RequestClock.daysLeft(view, now))
                .data("hasDocument", hasDocument).data("identityOpen", "AWAITING_IDENTITY".equals(status) || "RECEIVED".equals(status))
                .data("open", RequestClock.open(view)).data("needsAttention", "NEEDS_ATTENTION".equals(status))
                .data("extendable", RequestClock.open(view) && view.get("extendedMonths") == null)
                .data("hasReport", "COMPLETED".equals(status) && "ACCESS".equals(view.get("type")))
                .data("hasPackage", "COMPLETED".equals(status) && "PORTABILITY".equals(view.get("type")))).build();
    }

    /** The identity document, shown inline on the page (controller only, as dsr-service decides). */
    @GET
    @Path("document")
    @RolesAllowed(Page.CONTROLLER)
    public Response document(@PathParam("id") String id) {
        return passOn(api.get(Suite.DSR, "/api/requests/" + Inputs.uuid("id", id) + "/identity-document"), null);
    }

    /** The access report (HTML) as the person reads it, in the request's language. */
    @GET
    @Path("report")
    @RolesAllowed(Page.CONTROLLER)
    public Response report(@PathParam("id") String id) {
        UUID requestId = Inputs.uuid("id", id);
        return passOn(api.get(Suite.DSR, "/api/requests/" + requestId + "/report"), "access-report-" + requestId + ".html");
    }

    /** The portability package (zip). */
    @GET
    @Path("package")
    @RolesAllowed(Page.CONTROLLER)
    public Response portabilityPackage(@PathParam("id") String id) {
        UUID requestId = Inputs.uuid("id", id);
        return passOn(api.get(Suite.DSR, "/api/requests/" + requestId + "/package"), "portability-" + requestId + ".zip");
    }

    private static Response passOn(ApiAnswer answer, String attachment) {
        if (!answer.ok()) {
            return Problems.problem(answer.status(), "The service refused", answer.detail());
        }
        Response.ResponseBuilder response = Response.ok(answer.body(), answer.contentType())
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        if (attachment != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
        }
        return response.build();
    }
}
