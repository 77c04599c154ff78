package eu.privacysuite.shared.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
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
 * it; an undeclared name is the client's text, and is not repeated. A declared parameter sent empty is a 400 too.
 */
public class QueryParameterText {

    static final String EMPTY_RULE = "must not be empty: leave it out for its default";
    /** Free-text searches, where an empty value means no filter. */
    private static final Set<String> MAY_BE_EMPTY = Set.of("q");
    /** Read once per resource method: reflection on every request would cost the hot paths for nothing. */
    private static final Map<Method, List<String>> QUERY_NAMES = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri, ResourceInfo resource) {
        Map<String, List<String>> parameters;
        try {
            parameters = uri.getQueryParameters(true);
        } catch (IllegalArgumentException malformed) {
            return Optional.of(Problem.of(Response.Status.BAD_REQUEST, "The query string is not well percent-encoded.")
                    .toResponse());
        }
        Optional<String> empty = sentEmpty(resource, parameters);
        if (empty.isPresent()) {
            return Optional.of(new BadParameter(empty.get(), EMPTY_RULE).problem().toResponse());
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
     * A declared query parameter sent with an empty value ({@code ?dryRun=}, {@code ?size=}): Quarkus REST reads it
     * as absent, so its default would run and no converter would see it. Only a free-text search may be empty.
     */
    private static Optional<String> sentEmpty(ResourceInfo resource, Map<String, List<String>> parameters) {
        if (parameters.isEmpty() || resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        for (String name : QUERY_NAMES.computeIfAbsent(resource.getResourceMethod(), QueryParameterText::queryNames)) {
            if (!MAY_BE_EMPTY.contains(name) && parameters.getOrDefault(name, List.of()).stream().anyMatch(String::isEmpty)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The query parameters a resource method declares, directly or in a {@code @BeanParam}. */
    private static List<String> queryNames(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter declared : method.getParameters()) {
            List<AnnotatedElement> elements = new ArrayList<>(List.of(declared));
            if (declared.isAnnotationPresent(BeanParam.class)) {
                elements.addAll(List.of(declared.getType().getDeclaredFields()));
            }
            for (AnnotatedElement element : elements) {
                String name = queryName(element);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static String queryName(AnnotatedElement element) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        RestQuery rest = element.getAnnotation(RestQuery.class);
        if (query != null) {
            return query.value();
        }
        if (rest == null) {
            return null;
        }
        if (!rest.value().isEmpty()) {
            return rest.value();
        }
        return element instanceof Parameter p ? p.getName() : ((Field) element).getName();
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
