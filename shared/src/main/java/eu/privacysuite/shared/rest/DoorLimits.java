package eu.privacysuite.shared.rest;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the door lets in before any resource sees the request. Vert.x's own codec limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set higher in the shared
 * configuration, so that these checks, which answer in problem+json, are the ones a client meets.
 */
@ConfigMapping(prefix = "privacy.http")
public interface DoorLimits {

    /** Longest request target (path and query) answered with anything but 414. */
    @WithDefault("2048")
    int maxUriLength();

    /** Largest total of request header names and values answered with anything but 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /**
     * The body limit of every route but the upload routes; without it, the server's
     * ({@code quarkus.http.limits.max-body-size}). A service that takes uploads sets the server's limit for them
     * and this one for the rest.
     */
    Optional<MemorySize> maxBodySize();

    /**
     * Paths (regular expressions, whole path) whose body may reach the server's limit: uploads. Their body must
     * declare its length: the door does not read it, since a multipart parser waits for it, and answers a chunked
     * one 411.
     */
    Optional<List<String>> uploadRoutes();

    /** Seconds a client is told to wait (Retry-After) when the service cannot reach its database. */
    @WithDefault("5")
    int retryAfter();
}
