package eu.privacysuite.contact.service;

import java.time.Duration;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import eu.privacysuite.contact.config.ContactConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The per-client rate limit of the public endpoints: one Bucket4j token bucket per client address, kept in memory
 * (per replica) while the client is active. Addresses are never logged or stored.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private final ContactConfig config;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(ContactConfig config) {
        this.config = config;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(config.rateLimit().period().multipliedBy(2)).build();
    }

    /** Takes one request from the client's allowance; when none is left, the seconds until one is back. */
    public OptionalLong tryAcquire(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private Bucket newBucket() {
        long requests = config.rateLimit().requests();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, config.rateLimit().period()))
                .build();
    }
}
