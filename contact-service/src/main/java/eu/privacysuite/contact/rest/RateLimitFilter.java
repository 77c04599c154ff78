package eu.privacysuite.contact.rest;

import java.util.OptionalLong;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import eu.privacysuite.contact.service.ClientRateLimiter;
import eu.privacysuite.shared.problem.DatabaseFaults;
import eu.privacysuite.shared.problem.Problem;
import eu.privacysuite.shared.problem.ProblemMappers;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 429 with Retry-After once a client used its allowance. The client is its address as the server sees it
 * (behind a trusted proxy, the one the proxy appended to X-Forwarded-For: {@link ForwardedClient}). The allowance
 * lives in the database, shared by the replicas: when the database cannot answer, the request is refused with 503
 * and Retry-After, like every other request that needs it, never let through unchecked.
 */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    private final ClientRateLimiter limiter;
    private final RoutingContext routing;

    public RateLimitFilter(ClientRateLimiter limiter, RoutingContext routing) {
        this.limiter = limiter;
        this.routing = routing;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String client = ForwardedClient.of(routing).orElse("unknown");
        OptionalLong retryAfter;
        try {
            retryAfter = limiter.tryAcquire(client);
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isTransient(e)) {
                throw e;
            }
            LOG.warnf("rate limit unavailable, request refused: %s", e.getClass().getSimpleName());
            context.abortWith(ProblemMappers.unavailable());
            return;
        }
        if (retryAfter.isPresent()) {
            context.abortWith(tooMany(retryAfter.getAsLong()));
        }
    }

    private static Response tooMany(long seconds) {
        return Response.status(Response.Status.TOO_MANY_REQUESTS).type(Problem.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .entity(Problem.of(Response.Status.TOO_MANY_REQUESTS, "Too many requests; try again in " + seconds + " s."))
                .build();
    }
}
