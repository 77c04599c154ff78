package eu.privacysuite.console.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.privacysuite.console.config.ConsoleConfig;
import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.RequestClock;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The request inbox: overdue and due soon first, each request's clock, a status filter, pages, search by id. */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class InboxResource {

    static final Set<String> STATUSES = Set.of("RECEIVED", "AWAITING_IDENTITY", "IN_PROGRESS", "COMPLETED",
            "NEEDS_ATTENTION", "REJECTED", "CANCELLED");

    private final Template inbox;
    private final Page page;
    private final ServiceApi api;
    private final ConsoleConfig config;

    public InboxResource(@Location("inbox.html") Template inbox, Page page, ServiceApi api, ConsoleConfig config) {
        this.inbox = inbox;
        this.page = page;
        this.api = api;
        this.config = config;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") String pageNumber,
            @QueryParam("id") String id) {
        if (id != null) {
            // Search by request id: straight to its page.
            return Response.seeOther(URI.create("/requests/" + Inputs.uuid("id", id))).build();
        }
        String filter = Inputs.oneOf("status", status, STATUSES);
        int number = Inputs.page(pageNumber);
        ApiAnswer answer = api.get(Suite.DSR, "/api/requests?limit=" + config.inboxFetch()
                + (filter == null ? "" : "&status=" + filter));
        if (!answer.ok()) {
            return Views.serviceRefused(page, answer);
        }
        Instant now = Instant.now();
        List<Map<String, Object>> ordered = RequestClock.inboxOrder(answer.list(), now);
        int size = config.pageSize();
        int pages = Math.max(1, (ordered.size() + size - 1) / size);
        if (number > pages) {
            throw new BadInput("'page' is past the last page (" + pages + ").");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> request : ordered.subList((number - 1) * size, Math.min(ordered.size(), number * size))) {
            Map<String, Object> row = new HashMap<>(request);
            row.put("clock", RequestClock.state(request, now));
            row.put("daysLeft", RequestClock.daysLeft(request, now));
            rows.add(row);
        }
        return Response.ok(page.render(inbox, "requests").data("rows", rows).data("status", filter == null ? "" : filter)
                .data("statuses", STATUSES.stream().sorted().toList()).data("pageNumber", number).data("pages", pages)
                .data("total", ordered.size()).data("fetchLimit", config.inboxFetch())).build();
    }

}
