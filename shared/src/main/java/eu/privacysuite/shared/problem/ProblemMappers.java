package eu.privacysuite.shared.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

/**
 * Every error the suite returns is application/problem+json. Details name fields and rules; they never echo
 * what the client sent (it may be personal data), and never show a class name or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The answer to a request whose client closed its connection while the request was read. */
    public static final String CUT_SHORT = "The request body was cut short: the connection closed.";

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.InvalidParam> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.InvalidParam::field))
                .toList();
        return new Problem("about:blank", "Invalid request", 400, "The request has invalid fields.", null, errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response controlCharacters(ControlCharacterException e) {
        String field = JsonFieldPath.of(e);
        return new Problem("about:blank", "Invalid request", 400, "The request has invalid fields.", null,
                List.of(new Problem.InvalidParam(field.isEmpty() ? "body" : field, ControlCharacterException.RULE)))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return notJson(e);
    }

    /** Anything else the JSON parser refuses, such as nesting or a number beyond its limits. */
    @ServerExceptionMapper
    public Response refusedJson(JsonProcessingException e) {
        return notJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return wrongField(e);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return wrongField(e);
    }

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.of(Status.UNAUTHORIZED, "A valid bearer token is required.").toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.of(Status.UNAUTHORIZED, "A valid bearer token is required.").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Status.FORBIDDEN, "The token's roles do not allow this operation.").toResponse();
    }

    /** Jakarta REST answers a query or path parameter it cannot convert with 404; it is the client's error. */
    @ServerExceptionMapper
    public Response unconvertibleParameter(NotFoundException e) {
        if (e.getCause() instanceof ProblemException refused) {
            return refused.problem().toResponse(); // a converter of the door (a boolean that is not true or false)
        }
        if (e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            return Problem.of(Status.BAD_REQUEST, "A query or path parameter has the wrong type or format.").toResponse();
        }
        return web(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // The JSON reader wraps what Jackson refuses (other than a mismatched input) in a plain 400.
        if (e.getCause() instanceof ProblemException refused) {
            return refused.problem().toResponse(); // a header or form parameter a converter of the door refused
        } else if (e.getCause() instanceof ControlCharacterException c) {
            return controlCharacters(c);
        } else if (e.getCause() instanceof JsonMappingException m) {
            return wrongField(m);
        } else if (e.getCause() instanceof JsonProcessingException j) {
            return notJson(j);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "This resource takes application/json.";
            case 429 -> "Too many requests; slow down.";
            default -> status.getReasonPhrase();
        };
        return Problem.of(status, detail).toResponse();
    }

    /**
     * The last resort. A fault of the database is a 503 the client may retry after a while; anything else is a bug:
     * a reference the operator can find in the log, nothing else.
     */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (DatabaseFaults.isTransient(e)) {
            LOG.warnf("database unavailable: %s", e.getClass().getName());
            return unavailable();
        }
        if (closedByTheClient(e)) {
            // The client went away while its body was being read (a load tool stopping, a tab closed): not a bug,
            // and nobody is there to read the answer.
            LOG.debugf("the client closed the connection before its request body was read: %s", e.getClass().getName());
            return Problem.of(Status.BAD_REQUEST, CUT_SHORT).toResponse();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed. Reference: " + reference, null, List.of()).toResponse();
    }

    /** 503 with Retry-After: the request was not applied, and the same request may succeed later. */
    public static Response unavailable() {
        return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE,
                "The service cannot reach its database; nothing was changed. Try again later.").toResponse())
                .header("Retry-After", ConfigProvider.getConfig()
                        .getOptionalValue("privacy.http.retry-after", Integer.class).orElse(5))
                .build();
    }

    private static Response notJson(JsonProcessingException e) {
        // The parser's strict duplicate detection says so only in its message; the key itself is not repeated.
        if (e instanceof JsonParseException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            return new Problem("about:blank", "Invalid request", 400, "The body holds a key more than once.", null,
                    List.of(new Problem.InvalidParam("body", "must not hold a key more than once"))).toResponse();
        }
        return Problem.of(Status.BAD_REQUEST, "The body is not valid JSON.").toResponse();
    }

    private static Response wrongField(JsonMappingException e) {
        String path = JsonFieldPath.of(e);
        if (path.isEmpty()) {
            return Problem.of(Status.BAD_REQUEST, "The body does not have the shape this resource takes.").toResponse();
        }
        return new Problem("about:blank", "Invalid request", 400, "Field '" + path + "' has the wrong type or format.",
                null, List.of(new Problem.InvalidParam(path, "has the wrong type or format"))).toResponse();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.email" -> "email": the method and parameter names mean nothing to a client.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    /** Whether the client closed its connection while the request was read: not a fault of the service. */
    public static boolean closedByTheClient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
