package eu.privacysuite.console.rest;

import java.lang.reflect.Method;
import java.net.URI;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.privacysuite.console.service.SessionRefused;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;

/**
 * A service refused the user's token: the console's session ends (its cookie only; the identity provider's session is
 * left as it is) and the browser is sent back to the page, which signs the user in again with a new token. A form
 * that was being sent is not: the browser goes back to the page it belongs to, and nothing was recorded.
 */
public class SignInAgain {

    private static final Logger LOG = Logger.getLogger(SignInAgain.class);

    private final OidcSession session;

    public SignInAgain(OidcSession session) {
        this.session = session;
    }

    @ServerExceptionMapper
    public Uni<Response> refused(SessionRefused e, ContainerRequestContext request, ResourceInfo resource) {
        LOG.info("a service refused the session's token (401): the console ends the session and signs the user in"
                + " again");
        URI page = page(request.getMethod(), request.getUriInfo().getRequestUri(), resource.getResourceMethod());
        NewCookie marker = new NewCookie.Builder(SessionRefused.MARKER).value("1").path("/")
                .maxAge(SessionRefused.MARKER_SECONDS).httpOnly(true).secure(true).sameSite(NewCookie.SameSite.LAX)
                .build();
        return session.logout().map(done -> Response.seeOther(page).cookie(marker).build());
    }

    /**
     * Where the browser goes to sign in again: the page itself for a GET; for a form sent to an action of a page
     * ({@code POST /retention/holds/{id}/lift}), the page ({@code /retention}), found by dropping the action's own
     * path segments.
     */
    static URI page(String method, URI requested, Method action) {
        String path = requested.getRawPath();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return URI.create(requested.getRawQuery() == null ? path : path + "?" + requested.getRawQuery());
        }
        Path own = action == null ? null : action.getAnnotation(Path.class);
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        int drop = own == null ? 0 : own.value().replaceAll("^/+|/+$", "").split("/+").length;
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < segments.length - drop; i++) {
            if (!segments[i].isEmpty()) {
                page.append('/').append(segments[i]);
            }
        }
        return URI.create(page.isEmpty() ? "/" : page.toString());
    }
}
