package eu.privacysuite.console.rest;

import java.net.URI;
import java.util.Map;

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

/**
 * Contact: the prospect file (search, CSV export, record a contact) and the newsletter's subscribers. The search
 * words are names or addresses, so they travel in a POST body, never in the URL.
 */
@Path("/contact")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class ContactResource {

    private final Template contact;
    private final Page page;
    private final ServiceApi api;

    public ContactResource(@Location("contact.html") Template contact, Page page, ServiceApi api) {
        this.contact = contact;
        this.page = page;
        this.api = api;
    }

    @GET
    public Response show(@QueryParam("done") String done) {
        return render(null, Inputs.oneOf("done", done, java.util.Set.of("contacted")), null, 200);
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@RestForm String q) {
        String words = q == null ? "" : q.strip();
        if (words.length() > 100) {
            throw new BadInput("'q' is 100 characters at most.");
        }
        return render(words, null, null, 200);
    }

    @GET
    @Path("prospects.csv")
    @RolesAllowed(Page.CONTROLLER)
    public Response export() {
        ApiAnswer answer = api.get(Suite.CONTACT, "/api/prospects/export");
        if (!answer.ok()) {
            return Views.serviceRefused(page, answer);
        }
        return Response.ok(answer.body(), "text/csv").header("Content-Disposition", "attachment; filename=\"prospects.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("prospects/{id}/contacts")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordContact(@PathParam("id") String id) {
        ApiAnswer answer = api.post(Suite.CONTACT, "/api/prospects/" + Inputs.uuid("id", id) + "/contacts");
        if (answer.ok()) {
            return Response.seeOther(URI.create("/contact?done=contacted")).build();
        }
        return render(null, null, answer.detail(), answer.status());
    }

    private Response render(String q, String done, String error, int status) {
        String query = q == null || q.isEmpty() ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        ApiAnswer prospects = api.get(Suite.CONTACT, "/api/prospects?size=50" + query);
        if (!prospects.ok()) {
            return Views.serviceRefused(page, prospects);
        }
        ApiAnswer subscribers = api.get(Suite.CONTACT, "/api/newsletter/subscribers?size=50");
        Map<String, Object> subs = subscribers.ok() ? subscribers.map() : null;
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page.render(contact, "contact")
                .data("prospects", prospects.map()).data("subscribers", subs).data("q", q == null ? "" : q)
                .data("done", done).data("error", error)).build();
    }
}
