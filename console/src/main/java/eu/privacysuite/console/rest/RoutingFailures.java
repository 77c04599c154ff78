package eu.privacysuite.console.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A form body Quarkus REST could not read, failed before any resource or exception mapper: a multipart body that
 * ends before its closing boundary fails the routing with an IOException, which Quarkus answered with its HTML 500
 * page. It is the client's error: 400 in problem+json, like the console's other refusals. Every other failure goes on
 * to Quarkus's own handling (the sign-in redirect among them).
 */
@ApplicationScoped
public class RoutingFailures {

    private final ObjectMapper json;

    public RoutingFailures(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failure);
    }

    private void failure(RoutingContext rc) {
        if (rc.failure() instanceof IOException && isForm(rc) && !rc.response().headWritten()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Bad Request");
            problem.put("status", 400);
            problem.put("detail", "The form's body is malformed or was cut short.");
            try {
                rc.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.response().setStatusCode(400).end();
            }
            return;
        }
        rc.next();
    }

    private static boolean isForm(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }
}
