package eu.privacysuite.shared.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error the suite returns is application/problem+json. Details name fields and rules; they never echo
 * what the client sent (it may be personal data), and never show a class name or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
    public Response unparsableJson(JsonParseException e) {
        return Problem.of(Status.BAD_REQUEST, "The body is not valid JSON.").toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return Problem.of(Status.BAD_REQUEST, wrongField(e)).toResponse();
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return Problem.of(Status.BAD_REQUEST, wrongField(e)).toResponse();
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

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "This resource takes application/json.";
            case 429 -> "Too many requests; slow down.";
            default -> status.getReasonPhrase();
        };
        return Problem.of(status, detail).toResponse();
    }

    /** The last resort: a reference the operator can find in the log, nothing else. */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be completed. Reference: " + reference, null, List.of()).toResponse();
    }

    private static String wrongField(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "The body does not have the shape this resource takes.";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return "Field '" + path + "' has the wrong type or format.";
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.request.email" -> "email": the method and parameter names mean nothing to a client.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
