package eu.privacysuite.shared.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import eu.privacysuite.shared.problem.BadParameter;
import eu.privacysuite.shared.problem.ControlCharacterException;
import eu.privacysuite.shared.problem.Problem;

/**
 * {@link PlainText} for query parameters, which do not go through JSON: a value with a control character, or a
 * query string that is not well percent-encoded, is a 400. The parameter is named only when the resource declares
 * it; an undeclared name is the client's text, and is not repeated. A declared boolean sent empty is a 400 too.
 */
public class QueryParameterText {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri, ResourceInfo resource) {
        Map<String, List<String>> parameters;
        try {
            parameters = uri.getQueryParameters(true);
        } catch (IllegalArgumentException malformed) {
            return Optional.of(Problem.of(Response.Status.BAD_REQUEST, "The query string is not well percent-encoded.")
                    .toResponse());
        }
        Optional<String> emptyBoolean = emptyBoolean(resource, parameters);
        if (emptyBoolean.isPresent()) {
            return Optional.of(new BadParameter(emptyBoolean.get(), StrictBooleans.RULE).problem().toResponse());
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean broken = PlainText.breaks(parameter.getKey(), false)
                    || parameter.getValue().stream().anyMatch(v -> PlainText.breaks(v, false));
            if (broken) {
                String name = declared(resource, parameter.getKey()) ? parameter.getKey() : "query";
                return Optional.of(new Problem("about:blank", "Invalid request", 400, "The request has invalid fields.",
                        null, List.of(new Problem.InvalidParam(name, ControlCharacterException.RULE))).toResponse());
            }
        }
        return Optional.empty();
    }

    /**
     * A declared boolean query parameter sent with an empty value ({@code ?dryRun=}): Quarkus REST reads it as
     * absent, so the default would run and {@link StrictBooleans} would never see it.
     */
    private static Optional<String> emptyBoolean(ResourceInfo resource, Map<String, List<String>> parameters) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        for (Parameter declared : resource.getResourceMethod().getParameters()) {
            if (declared.getType() != boolean.class && declared.getType() != Boolean.class) {
                continue;
            }
            QueryParam query = declared.getAnnotation(QueryParam.class);
            RestQuery rest = declared.getAnnotation(RestQuery.class);
            String name = query != null ? query.value()
                    : rest == null ? null : rest.value().isEmpty() ? declared.getName() : rest.value();
            if (name != null && parameters.getOrDefault(name, List.of()).stream().anyMatch(String::isEmpty)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean declared(ResourceInfo resource, String name) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        for (Annotation[] annotations : resource.getResourceMethod().getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q && q.value().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
