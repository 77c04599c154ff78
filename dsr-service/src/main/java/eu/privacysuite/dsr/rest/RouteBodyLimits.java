package eu.privacysuite.dsr.rest;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.privacysuite.dsr.config.DsrConfig;
import eu.privacysuite.shared.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The body limit of every route but the identity-document upload. {@code quarkus.http.limits.max-body-size} is
 * one limit for the whole server, set for the upload (a 5 MB file in a multipart body); this filter holds every
 * other route to {@code dsr.max-json-body-size} (16K), answering 413 in problem+json. It runs after the shared
 * HttpDoor (priority 250), which has checked the URI and the headers and read a chunked body up to the server's
 * limit.
 */
@ApplicationScoped
public class RouteBodyLimits {

    private static final int PRIORITY = 240;
    /** After CORS (300), before the HttpDoor (250). */
    private static final int BEFORE_THE_DOOR = 260;
    private static final Pattern UPLOAD = Pattern.compile("/api/requests/[^/]+/identity-document");

    private final ObjectMapper json;
    private final long maxJsonBody;
    private final BodyHandler jsonBodies;

    public RouteBodyLimits(ObjectMapper json, DsrConfig config) {
        this.json = json;
        this.maxJsonBody = config.maxJsonBodySize().asLongValue();
        this.jsonBodies = BodyHandler.create(false).setBodyLimit(maxJsonBody);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
        filters.register(this::uploadLength, BEFORE_THE_DOOR);
    }

    /**
     * The HttpDoor reads a chunked body itself, which Quarkus REST's multipart parser then waits for in vain: an
     * upload must declare its length (as browsers and curl do), or it gets 411 rather than hanging.
     */
    private void uploadLength(RoutingContext rc) {
        if (rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING) && isUpload(rc)) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(rc, 411, "Length Required", "Send the identity document with a Content-Length.");
        } else {
            rc.next();
        }
    }

    private void check(RoutingContext rc) {
        if (isUpload(rc)) {
            rc.next();
            return;
        }
        if (!tooLarge(rc)) {
            if (!bodyRead(rc) && undeclaredBody(rc)) {
                // A body of undeclared length the HttpDoor did not read (HTTP/2 has no Transfer-Encoding): read it
                // here up to this route's limit; going over fails the routing with 413, in problem+json.
                jsonBodies.handle(rc);
            } else {
                rc.next();
            }
            return;
        }
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        answer(rc, 413, "Content Too Large", "The request body is too large.");
    }

    private void answer(RoutingContext rc, int status, String title, String detail) {
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(new Problem("about:blank", title, status, detail, null, List.of())));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }

    /**
     * Whether a body may come without a declared length: only over HTTP/2, and only for a method that carries one.
     * An HTTP/1.1 request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112, 6.3), and a GET
     * is not read here: Quarkus REST would find its (empty) body already consumed and fail.
     */
    private static boolean undeclaredBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        return request.version() == HttpVersion.HTTP_2 && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && !request.isEnded() && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                && request.method() != HttpMethod.OPTIONS;
    }

    private static boolean bodyRead(RoutingContext rc) {
        return rc.body() != null && rc.body().available();
    }

    private static boolean isUpload(RoutingContext rc) {
        try {
            return rc.request().method() == HttpMethod.PUT && UPLOAD.matcher(rc.normalizedPath()).matches();
        } catch (RuntimeException e) {
            return false; // a malformed path: the HttpDoor answers it
        }
    }

    private boolean tooLarge(RoutingContext rc) {
        if (bodyRead(rc)) {
            return rc.body().length() > maxJsonBody; // a chunked body, already read by the HttpDoor
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > maxJsonBody;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
