package eu.privacysuite.console.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import eu.privacysuite.console.service.ApiAnswer;
import eu.privacysuite.console.service.ServiceApi;
import eu.privacysuite.console.service.Suite;

/**
 * What the controller does on a request's page, each a form (CSRF-checked) passed on to dsr-service with the
 * user's token. Success goes back to the page (303, ?done=); a refusal shows the page again with the service's
 * reason. The auditor is refused here (403) as dsr-service would refuse them.
 */
@Path("/requests/{id}")
@RolesAllowed(Page.CONTROLLER)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RequestActionsResource {

    private static final Set<String> METHODS = Set.of("DOCUMENT", "CODE");
    private static final Set<String> REASONS = Set.of("IDENTITY_NOT_PROVEN", "MANIFESTLY_UNFOUNDED", "EXCESSIVE");
    private static final Set<String> SERVICES = Set.of("consent-service", "contact-service", "dsr-service", "retention-service");

    private final ServiceApi api;
    private final RequestResource pages;

    public RequestActionsResource(ServiceApi api, RequestResource pages) {
        this.api = api;
        this.pages = pages;
    }

    @POST
    @Path("document")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") String id, @RestForm("document") FileUpload document) {
        UUID requestId = Inputs.uuid("id", id);
        if (document == null || document.size() == 0) {
            throw new BadInput("Choose the identity document (PDF, JPEG or PNG) to upload.");
        }
        try {
            byte[] content = Files.readAllBytes(document.uploadedFile());
            return after(requestId, api.putFile(Suite.DSR, "/api/requests/" + requestId + "/identity-document", "document", content), "document");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("identity-code")
    public Response sendCode(@PathParam("id") String id) {
        UUID requestId = Inputs.uuid("id", id);
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/identity-code"), "code-sent");
    }

    @POST
    @Path("identity-code/check")
    public Response checkCode(@PathParam("id") String id, @RestForm String code) {
        UUID requestId = Inputs.uuid("id", id);
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/identity-code/check",
                Map.of("code", code == null ? "" : code.strip())), "identity");
    }

    @POST
    @Path("identity")
    public Response decide(@PathParam("id") String id, @RestForm String verified, @RestForm String method,
            @RestForm String note) {
        UUID requestId = Inputs.uuid("id", id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", bool("verified", verified));
        body.put("method", required("method", Inputs.oneOf("method", method, METHODS)));
        body.put("note", Inputs.blankToNull(note));
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/identity", body), "identity");
    }

    @POST
    @Path("reject")
    public Response reject(@PathParam("id") String id, @RestForm String reason, @RestForm String note) {
        UUID requestId = Inputs.uuid("id", id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", required("reason", Inputs.oneOf("reason", reason, REASONS)));
        body.put("note", Inputs.blankToNull(note));
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/reject", body), "rejected");
    }

    @POST
    @Path("cancel")
    public Response cancel(@PathParam("id") String id) {
        UUID requestId = Inputs.uuid("id", id);
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/cancel"), "cancelled");
    }

    @POST
    @Path("extension")
    public Response extend(@PathParam("id") String id, @RestForm String months, @RestForm String reason) {
        UUID requestId = Inputs.uuid("id", id);
        int m = Integer.parseInt(required("months", Inputs.oneOf("months", months, Set.of("1", "2"))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("months", m);
        body.put("reason", reason == null ? "" : reason);
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/extension", body), "extended");
    }

    @POST
    @Path("retry")
    public Response retry(@PathParam("id") String id, @RestForm String participant) {
        UUID requestId = Inputs.uuid("id", id);
        String named = Inputs.oneOf("participant", participant, SERVICES);
        return after(requestId, api.post(Suite.DSR, "/api/requests/" + requestId + "/retry"
                + (named == null ? "" : "?participant=" + named)), "retried");
    }

    private Response after(UUID id, ApiAnswer answer, String done) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/requests/" + id + "?done=" + done)).build();
        }
        String detail = answer.detail();
        if (!answer.fieldErrors().isEmpty()) {
            detail = detail + " " + String.join("; ", answer.fieldErrors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList());
        }
        return pages.render(id, null, detail, answer.status());
    }

    private static boolean bool(String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new BadInput("'" + name + "' is true or false.");
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw new BadInput("'" + name + "' is required.");
        }
        return value;
    }
}
