package eu.privacysuite.console.rest;

import java.util.Map;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import eu.privacysuite.console.service.ServiceApi;

/** The console's own errors, in application/problem+json like the services' (never a value the user sent). */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    @ServerExceptionMapper
    public Response badInput(BadInput e) {
        return problem(400, "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooLarge(ServiceApi.FormTooLarge e) {
        return problem(413, "Content Too Large", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceApi.ServiceUnavailable e) {
        LOG.warnf("a service did not answer: %s", e.getCause().getClass().getSimpleName());
        return problem(503, "Service Unavailable", "A service of the suite did not answer; try again in a moment.");
    }

    /**
     * A refusal that left no body (the CSRF filter's 400, the role check's 403, an unknown path's 404) gets a
     * problem+json one like the rest: a malformed request is never answered with an empty page.
     */
    @ServerResponseFilter
    public void bodyForBareRefusals(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            String detail = switch (status) {
                case 400 -> "The form's CSRF token is missing or does not match: reload the page and send it again.";
                case 401 -> "Sign in first.";
                case 403 -> "Your role does not allow this.";
                case 404 -> "There is no such page.";
                default -> "The request was refused.";
            };
            response.setEntity(body(status, Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), detail),
                    null, jakarta.ws.rs.core.MediaType.valueOf("application/problem+json"));
        }
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json").entity(body(status, title, detail)).build();
    }

    /** The body of every problem the console answers itself. */
    static Map<String, Object> body(int status, String title, String detail) {
        return Map.of("type", "about:blank", "title", title, "status", status, "detail", detail);
    }
}
