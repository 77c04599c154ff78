package eu.privacysuite.console.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.ConsentCharts;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Consent: a site's rates as charts, a visitor's proofs with their chain check (the visitor id in a POST body),
 * a signed digest made now or looked up, and publishing a new policy version.
 */
@Path("/consent")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Page.CONTROLLER, Page.AUDITOR })
public class ConsentPageResource {

    private static final String SITE = "[A-Za-z0-9._-]{1,64}";

    private final Template consent;
    private final Page page;
    private final ServiceApi api;

    public ConsentPageResource(@Location("consent.html") Template consent, Page page, ServiceApi api) {
        this.consent = consent;
        this.page = page;
        this.api = api;
    }

    @GET
    public Response show(@QueryParam("site") String site, @QueryParam("done") String done) {
        return render(site(site), Map.of("done", Inputs.oneOf("done", done, java.util.Set.of("published")) == null ? "" : done), 200);
    }

    @POST
    @Path("proofs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proofs(@RestForm String site, @RestForm String visitor) {
        String s = site(site);
        ApiAnswer answer = api.get(Suite.CONSENT, "/api/consents/proofs?visitor=" + Inputs.uuid("visitor", visitor));
        return render(s, answer.ok() ? Map.of("proofs", answer.map()) : Map.of("error", answer.detail()), answer.ok() ? 200 : answer.status());
    }

    @POST
    @Path("digests/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response digest(@RestForm String site, @RestForm String id) {
        String s = site(site);
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new BadInput("'id' is a digest's number.");
        }
        ApiAnswer answer = api.get(Suite.CONSENT, "/api/consents/digests/" + id);
        return render(s, answer.ok() ? Map.of("digest", answer.map()) : Map.of("error", answer.detail()), answer.ok() ? 200 : answer.status());
    }

    @POST
    @Path("digests")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response digestNow(@RestForm String site) {
        String s = site(site);
        ApiAnswer answer = api.post(Suite.CONSENT, "/api/consents/digests");
        if (answer.status() == 204) {
            return render(s, Map.of("done", "no-new-proofs"), 200);
        }
        return render(s, answer.ok() ? Map.of("digest", answer.map(), "done", "digested") : Map.of("error", answer.detail()),
                answer.ok() ? 200 : answer.status());
    }

    @POST
    @Path("policy-versions")
    @RolesAllowed(Page.CONTROLLER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@RestForm String site, @RestForm String version, @RestForm String text,
            @RestForm String shownDate, @RestForm String changedPurposes) {
        String s = site(site);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", s);
        body.put("version", version == null ? "" : version.strip());
        body.put("text", text == null ? "" : text);
        body.put("shownDate", shownDate == null || shownDate.isBlank() ? null : shownDate.strip());
        List<String> purposes = changedPurposes == null || changedPurposes.isBlank() ? List.of()
                : Arrays.stream(changedPurposes.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        body.put("changedPurposes", purposes);
        ApiAnswer answer = api.post(Suite.CONSENT, "/api/policy-versions", body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/consent?site=" + s + "&done=published")).build();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("policyErrors", answer.fieldErrors());
        extra.put("v", Map.of("version", String.valueOf(body.get("version")), "text", String.valueOf(body.get("text")),
                "shownDate", shownDate == null ? "" : shownDate, "changedPurposes", changedPurposes == null ? "" : changedPurposes));
        if (answer.fieldErrors().isEmpty()) {
            extra.put("error", answer.detail());
        }
        return render(s, extra, answer.status());
    }

    private static String site(String site) {
        if (site == null || site.isEmpty()) {
            return "demo";
        }
        if (!site.matches(SITE)) {
            throw new BadInput("'site' is letters, digits, '.', '_' or '-' (64 at most).");
        }
        return site;
    }

    private Response render(String site, Map<String, Object> extra, int status) {
        ApiAnswer rates = api.get(Suite.CONSENT, "/api/consents/rates?site=" + site);
        if (!rates.ok()) {
            return Views.serviceRefused(page, rates);
        }
        var instance = page.render(consent, "consent").data("site", site).data("charts", ConsentCharts.of(rates.list()))
                .data("chartWidth", ConsentCharts.WIDTH).data("chartHeight", ConsentCharts.HEIGHT)
                .data("proofs", null).data("digest", null).data("error", null).data("done", null)
                .data("policyErrors", Map.of()).data("v", Map.of());
        extra.forEach(instance::data);
        if ("".equals(extra.get("done"))) {
            instance.data("done", null);
        }
        return Response.status(status).type(MediaType.TEXT_HTML).entity(instance).build();
    }
}
