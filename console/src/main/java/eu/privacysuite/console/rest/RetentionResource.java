package eu.privacysuite.console.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Retention: the schedule, the records due, legal holds (place, lift), failed purge orders, the evidence. */
@Path("/retention")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class RetentionResource {

    static final Set<String> DONE = Set.of("placed", "lifted");

    private final Template retention;
    private final Page page;
    private final ServiceApi api;

    public RetentionResource(@Location("retention.html") Template retention, Page page, ServiceApi api) {
        this.retention = retention;
        this.page = page;
        this.api = api;
    }

    @GET
    public Response show(@QueryParam("done") String done) {
        return render(Inputs.oneOf("done", done, DONE), Map.of(), Map.of(), null, 200);
    }

    @POST
    @Path("holds")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@RestForm String target, @RestForm String email, @RestForm String category,
            @RestForm String recordId, @RestForm String reason) {
        String on = Inputs.oneOf("target", target, Set.of("SUBJECT", "RECORD"));
        if (on == null) {
            throw new BadInput("'target' is SUBJECT or RECORD.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (on.equals("SUBJECT")) {
            body.put("subject", Map.of("email", email == null ? "" : email));
        } else {
            body.put("record", Map.of("category", category == null ? "" : category, "recordId", recordId == null ? "" : recordId));
        }
        body.put("reason", reason == null ? "" : reason);
        ApiAnswer answer = api.post(Suite.RETENTION, "/api/retention/holds", body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/retention?done=placed")).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().forEach((field, message) -> errors.put(field.replaceFirst("^(subject|record)\\.", ""), message));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("target", on);
        values.put("email", email == null ? "" : email);
        values.put("category", category == null ? "" : category);
        values.put("recordId", recordId == null ? "" : recordId);
        values.put("reason", reason == null ? "" : reason);
        return render(null, values, errors, errors.isEmpty() ? answer.detail() : null, answer.status());
    }

    @POST
    @Path("holds/{id}/lift")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("id") String id) {
        ApiAnswer answer = api.post(Suite.RETENTION, "/api/retention/holds/" + Inputs.uuid("id", id) + "/lift");
        if (answer.ok()) {
            return Response.seeOther(URI.create("/retention?done=lifted")).build();
        }
        return render(null, Map.of(), Map.of(), answer.detail(), answer.status());
    }

    private Response render(String done, Map<String, String> values, Map<String, String> errors, String error, int status) {
        ApiAnswer holds = api.get(Suite.RETENTION, "/api/retention/holds");
        if (!holds.ok()) {
            return Views.serviceRefused(page, holds);
        }
        ApiAnswer schedule = api.get(Suite.RETENTION, "/api/retention/schedule");
        ApiAnswer due = api.get(Suite.RETENTION, "/api/retention/due?size=20");
        ApiAnswer failed = api.get(Suite.RETENTION, "/api/retention/orders?status=failed");
        ApiAnswer evidence = api.get(Suite.RETENTION, "/api/retention/evidence?size=20");
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page.render(retention, "retention")
                .data("holds", holds.list()).data("schedule", schedule.ok() ? schedule.list() : null)
                .data("due", due.ok() ? due.map() : null).data("failed", failed.ok() ? failed.list() : null)
                .data("evidence", evidence.ok() ? evidence.map() : null).data("done", done).data("v", values)
                .data("errors", errors).data("error", error)).build();
    }
}
