package eu.privacysuite.dsr.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.privacysuite.dsr.domain.IllegalTransitionException;
import eu.privacysuite.shared.problem.Problem;

/** An act the request's status does not allow is a conflict with its state: 409, saying what the status allows. */
public class IllegalTransitionMapper {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Problem.of(Status.CONFLICT, e.getMessage()).toResponse();
    }
}
