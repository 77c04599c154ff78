package eu.privacysuite.console.rest;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A form body Quarkus REST could not read fails the routing before any resource or exception mapper, and Quarkus
 * answered it with its HTML 500 page. Both are the client's error, answered 400 in problem+json like the console's
 * other refusals: a field with a broken %-escape (an IllegalArgumentException of Quarkus REST's URL decoder) and a
 * multipart body that ends before its closing boundary (an IOException). Every other failure goes on to Quarkus's
 * own handling (the sign-in redirect among them).
 */
@ApplicationScoped
public class RoutingFailures {

    private static final String URL_DECODER = "org.jboss.resteasy.reactive.common.util.URLUtils";

    private final ObjectMapper json;

    public RoutingFailures(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failure);
    }

    private void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        String detail = null;
        if (failure instanceof IllegalArgumentException && thrownBy(failure, URL_DECODER)) {
            detail = "A form field holds a broken %-escape.";
        } else if (failure instanceof IOException) {
            detail = "The form's body is malformed or was cut short.";
        }
        if (detail == null || !isForm(rc) || rc.response().headWritten()) {
            rc.next();
            return;
        }
        try {
            rc.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(json.writeValueAsString(Problems.body(400, "Bad Request", detail)));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(400).end();
        }
    }

    private static boolean thrownBy(Throwable failure, String className) {
        StackTraceElement[] where = failure.getStackTrace();
        return where.length > 0 && where[0].getClassName().equals(className);
    }

    private static boolean isForm(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }
}
