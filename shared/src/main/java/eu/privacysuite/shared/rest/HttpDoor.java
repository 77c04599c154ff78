package eu.privacysuite.shared.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.shared.problem.DatabaseFaults;
import eu.privacysuite.shared.problem.Problem;
import eu.privacysuite.shared.problem.ProblemMappers;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The errors the HTTP layer makes before or around the resources, in problem+json like every other error: a URI,
 * headers or a declared body over the limits, a Content-Type that is not a media type, a transfer coding other
 * than chunked, a path no resource serves, and any failure of the routing itself.
 */
@ApplicationScoped
public class HttpDoor {

    private static final Logger LOG = Logger.getLogger(HttpDoor.class);
    /**
     * After CORS (300), so a browser can read the answer; before authentication (200), whose routing would meet a
     * malformed path first; before Quarkus's own body-size check (route order -2), which answers with an empty 413.
     */
    private static final int LIMITS_PRIORITY = 250;
    /** Before Quarkus's CORS filter (300), which refuses an origin with an empty 403. */
    private static final int ORIGIN_PRIORITY = 310;
    private static final int ALMOST_LAST = Integer.MAX_VALUE - 1;
    /** Marks a request whose body {@link #checkBody} read. */
    private static final String BODY_READ_HERE = HttpDoor.class.getName() + ".bodyReadHere";

    private final ObjectMapper json;
    private final DoorLimits limits;
    private final long serverMaxBody;
    private final long maxBody;
    private final List<Pattern> uploadRoutes;
    /** Reads a whole body on the event loop, up to the limit (413 in problem+json beyond it). */
    private final BodyHandler bodies;
    private final boolean cors;
    private final Optional<List<String>> origins;
    private final boolean anyOrigin;
    private final List<Pattern> originPatterns;

    public HttpDoor(ObjectMapper json, DoorLimits limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverMaxBody,
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean cors,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.json = json;
        this.cors = cors;
        this.origins = origins;
        this.anyOrigin = CORSFilter.isConfiguredWithWildcard(origins);
        this.originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        this.limits = limits;
        this.serverMaxBody = serverMaxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.maxBody = limits.maxBodySize().map(MemorySize::asLongValue).orElse(this.serverMaxBody);
        this.uploadRoutes = limits.uploadRoutes().orElse(List.of()).stream().map(Pattern::compile).toList();
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
    }

    void limits(@Observes Filters filters) {
        filters.register(this::checkLimits, LIMITS_PRIORITY);
        filters.register(this::emptyBodyReadHere, LIMITS_PRIORITY - 1);
        if (cors) {
            filters.register(this::checkOrigin, ORIGIN_PRIORITY);
        }
    }

    /**
     * Refuses, in problem+json, the origin Quarkus's CORS filter would refuse with an empty 403 (it gives no hook):
     * one neither configured (by name or /regex/) nor the service's own. Same rule as that filter, whose helpers
     * it uses; where the two could differ (an origin with a path), it lets the request on for the filter to judge.
     * The answer does not repeat the origin.
     */
    private void checkOrigin(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || anyOrigin || origins.map(list -> list.contains(origin)).orElse(false)
                || CORSFilter.isOriginAllowedByRegex(originPatterns, origin) || sameOrigin(rc, origin)) {
            rc.next();
        } else {
            answer(rc, 403, "Forbidden", "Requests from this origin are not allowed.");
        }
    }

    private static boolean sameOrigin(RoutingContext rc, String origin) {
        String target = rc.request().absoluteURI();
        try {
            URI from = new URI(origin);
            URI to = target == null ? null : new URI(target);
            if (to == null || from.getScheme() == null || from.getHost() == null) {
                return false; // "null", or not an origin at all
            }
            return from.getScheme().equalsIgnoreCase(to.getScheme()) && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from) == port(to);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    void errors(@Observes Router router) {
        router.route().order(ALMOST_LAST).failureHandler(this::failure);
        router.errorHandler(404, rc -> answer(rc, Status.NOT_FOUND.getStatusCode(), "Not Found", "No such resource."));
        router.errorHandler(405, rc -> answer(rc, 405, "Method Not Allowed", "This method is not allowed on this resource."));
    }

    private void checkLimits(RoutingContext rc) {
        // Quarkus refuses such a URI itself, with an empty 400, unless launched with -Dvertx.disableURIValidation=true
        // (as the services are: tests, local stack, image); then this check answers it in problem+json.
        if (!wellFormed(rc.request().uri())) {
            answer(rc, 400, "Bad Request", "The request URI is malformed.");
        } else if (rc.request().uri().length() > limits.maxUriLength()) {
            answer(rc, 414, "URI Too Long", "The request URI is too long.");
        } else if (headerBytes(rc.request().headers()) > limits.maxHeaderSize().asLongValue()) {
            answer(rc, 431, "Request Header Fields Too Large", "The request headers are too large.");
        } else if (!mediaTypeOrNone(rc.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            // Quarkus REST fails on it with an IllegalArgumentException (a 500) where a path has several methods
            // that differ by their media types (contact-service's confirmation link); elsewhere it answers 415.
            answer(rc, 400, "Bad Request", "The Content-Type header is not a media type.");
        } else {
            checkBody(rc, isUpload(rc));
        }
    }

    /** Parsed as Quarkus REST parses it. */
    private static boolean mediaTypeOrNone(String type) {
        if (type == null) {
            return true;
        }
        try {
            MediaType.valueOf(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkBody(RoutingContext rc, boolean upload) {
        boolean chunked = rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (chunked && !onlyChunked(rc)) {
            // Netty would read such a body until the connection closes (RFC 9112 6.1: 400, then close).
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(rc, 400, "Bad Request", "The only transfer coding accepted is chunked.");
        } else if (declaredBodyTooLarge(rc, upload ? serverMaxBody : maxBody)) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(rc, 413, "Content Too Large", "The request body is too large.");
        } else if (upload && chunked) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(rc, 411, "Length Required", "Send this body with a Content-Length.");
        } else if (!upload && chunked) {
            // A body of unknown length is read here, up to the limit, so that going over it fails the routing
            // (a 413 in problem+json below) rather than Quarkus's stream, which answers 413 with an empty body.
            // An HTTP/2 body without Content-Length is not read here: whether one follows is not known yet, and
            // reading a body-less POST here leaves Quarkus REST a consumed request (a 500). The server's limit
            // bounds it.
            rc.put(BODY_READ_HERE, true);
            bodies.handle(rc);
        } else if (!upload && rc.request().version() != HttpVersion.HTTP_2 && declaresBody(rc) && !isForm(rc)) {
            // Read here, on the event loop, in one piece: a blocking resource then reads it from memory instead of
            // waiting for it on a worker thread, a hand-off that took 14 % of consent-service's profiled samples on
            // a consent (docs/performance.md). Not over HTTP/2: Quarkus REST pauses the request it starts on, and an
            // HTTP/2 request already read refuses that (a 500).
            rc.put(BODY_READ_HERE, true);
            bodies.handle(rc);
        } else {
            rc.next();
        }
    }

    private static boolean onlyChunked(RoutingContext rc) {
        List<String> codings = rc.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        return codings.size() == 1 && codings.get(0).strip().equalsIgnoreCase("chunked");
    }

    /**
     * A body read by {@link #checkBody} that held nothing (an empty chunked body): Vert.x leaves the routing context
     * without a body, and Quarkus REST then waits for one on a request that has ended, with no answer ever.
     */
    private void emptyBodyReadHere(RoutingContext rc) {
        if (rc.get(BODY_READ_HERE) != null && rc.body().buffer() == null) {
            rc.setBody(Buffer.buffer());
        }
        rc.next();
    }

    private static boolean declaresBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0");
    }

    /** Forms are left to Quarkus REST, which reads their fields itself. */
    private static boolean isForm(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }

    private boolean isUpload(RoutingContext rc) {
        if (uploadRoutes.isEmpty()) {
            return false;
        }
        String path = rc.request().path(); // raw, as the route patterns are written
        return path != null && uploadRoutes.stream().anyMatch(route -> route.matcher(path).matches());
    }

    private static boolean declaredBodyTooLarge(RoutingContext rc, long limit) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x's codec refuses a malformed Content-Length before this runs.
        }
    }

    private void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (rc.response().headWritten() || failure instanceof AuthenticationException
                || failure instanceof UnauthorizedException || failure instanceof ForbiddenException) {
            rc.next(); // Quarkus's handler sends the authentication challenge, or the answer has already begun.
            return;
        }
        if (failure != null && ProblemMappers.closedByTheClient(failure)) {
            // A body read ahead here (checkBody) and cut short by the client: nobody is left to read an answer.
            LOG.debugf("the client closed its connection while its request was read: %s", failure.getMessage());
            answer(rc, 400, "Bad Request", ProblemMappers.CUT_SHORT);
            return;
        }
        if (failure != null && DatabaseFaults.isTransient(failure)) {
            rc.response().putHeader("Retry-After", Integer.toString(limits.retryAfter()));
            answer(rc, 503, "Service Unavailable", "The service cannot reach its database; nothing was changed. Try again later.");
            return;
        }
        int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(failure, "unexpected error at the HTTP layer, reference %s", reference);
            answer(rc, 500, "Internal Server Error", "The request could not be completed. Reference: " + reference);
            return;
        }
        Status known = Status.fromStatusCode(status);
        answer(rc, status, known == null ? "Bad Request" : known.getReasonPhrase(), "The request cannot be served as sent.");
    }

    private void answer(RoutingContext rc, int status, String title, String detail) {
        if (rc.response().ended()) {
            return;
        }
        try {
            String body = json.writeValueAsString(new Problem("about:blank", title, status, detail, null, List.of()));
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }

    private static boolean wellFormed(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
