package eu.privacysuite.console.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A new request, any of the 9 types: the form, and its sending to dsr-service. dsr-service validates it; its
 * problem+json field errors are shown next to the fields they name, with what the user typed kept in the form.
 */
@Path("/requests/new")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Page.CONTROLLER)
public class NewRequestResource {

    static final List<String> TYPES = List.of("ACCESS", "PORTABILITY", "ERASURE", "RECTIFICATION", "RESTRICTION",
            "RESTRICTION_LIFTED", "OBJECTION", "AUTOMATED_DECISION", "POST_MORTEM_DIRECTIVE");
    static final List<String> CHANNELS = List.of("EMAIL", "FORM", "POST");
    private static final Set<String> FIELDS = Set.of("type", "channel", "language", "email", "firstName", "lastName",
            "visitorIds", "c_email", "c_civility", "c_firstName", "c_lastName", "c_phone", "c_postalAddress",
            "c_country", "d_text", "d_name", "d_email", "csrf-token");

    private final Template form;
    private final Page page;
    private final ServiceApi api;

    public NewRequestResource(@Location("new-request.html") Template form, Page page, ServiceApi api) {
        this.form = form;
        this.page = page;
        this.api = api;
    }

    @GET
    public Response blank() {
        return Response.ok(render(Map.of("language", page.language(), "channel", "EMAIL", "type", "ACCESS"), Map.of(), null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(MultivaluedMap<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var field : fields.entrySet()) {
            if (!FIELDS.contains(field.getKey()) || field.getValue().size() != 1) {
                throw new BadInput("The form has an unknown or repeated field.");
            }
            values.put(field.getKey(), field.getValue().get(0));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = RequestForms.body(values, errors);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(values, errors, null)).build();
        }
        ApiAnswer answer = api.post(Suite.DSR, "/api/requests", body);
        if (answer.status() == 201 || answer.status() == 200) {
            Map<String, Object> created = answer.map();
            String done = answer.status() == 201 ? "created" : "duplicate";
            return Response.seeOther(URI.create("/requests/" + created.get("id") + "?done=" + done)).build();
        }
        Map<String, String> fieldErrors = RequestForms.formFields(answer.fieldErrors());
        return Response.status(answer.status()).entity(render(values, fieldErrors, fieldErrors.isEmpty() ? answer.detail() : null)).build();
    }

    private io.quarkus.qute.TemplateInstance render(Map<String, String> values, Map<String, String> errors, String error) {
        return page.render(form, "new").data("v", values).data("errors", errors).data("error", error)
                .data("types", TYPES).data("civilities", List.of("MR", "MS", "MX")).data("channels", CHANNELS).data("hasErrors", !errors.isEmpty())
                .data("errorFields", new ArrayList<>(errors.keySet()));
    }
}
