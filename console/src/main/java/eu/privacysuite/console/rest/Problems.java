package eu.privacysuite.console.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.privacysuite.console.service.ServiceApi;

/** The console's own errors, in application/problem+json like the services' (never a value the user sent). */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    @ServerExceptionMapper
    public Response badInput(BadInput e) {
        return problem(400, "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceApi.ServiceUnavailable e) {
        LOG.warnf("a service did not answer: %s", e.getCause().getClass().getSimpleName());
        return problem(503, "Service Unavailable", "A service of the suite did not answer; try again in a moment.");
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)).build();
    }
}
