package eu.privacysuite.contact.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import eu.privacysuite.contact.config.ContactConfig;
import eu.privacysuite.shared.security.HmacSha256;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The per-client rate limit of the public endpoints: one Bucket4j token bucket per client, kept in PostgreSQL
 * (table {@code rate_limit_bucket}) so that every replica draws on the same allowance and a restart forgets
 * nothing (docs/decisions/0032). A bucket is read and written under {@code SELECT ... FOR UPDATE} in a short
 * transaction of its own. The row's id is a keyed hash of the address: addresses are never logged or stored.
 * A database fault surfaces as an exception (the filter answers 503): the limit never lets a request through
 * unchecked.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final int CLEANUP_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets;
    private final BucketConfiguration limit;
    private final HmacSha256 clientKey;

    @Inject
    public ClientRateLimiter(ContactConfig config, DataSource dataSource,
            @ConfigProperty(name = "privacy.subject.pepper") String pepper) {
        long requests = config.rateLimit().requests();
        this.limit = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(requests).refillGreedy(requests, config.rateLimit().period())).build();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.LONG)
                .table("rate_limit_bucket")
                // A row can go once its bucket is full again: a fresh bucket then says the same.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.clientKey = new HmacSha256(pepper.getBytes(StandardCharsets.UTF_8)).derive("contact-rate-limit-v1");
    }

    /** Takes one request from the client's allowance; when none is left, the seconds until one is back. */
    public OptionalLong tryAcquire(String client) {
        ConsumptionProbe probe = buckets.builder().build(bucketId(client), limit).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /**
     * Deletes the buckets that are full again; a fault (database away) is thrown, and the rows wait for the next
     * run: a full bucket allows no more than a new one. Scheduled by {@link RefilledBucketsCleanUp}.
     */
    void forgetRefilledBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(CLEANUP_BATCH);
        } while (removed == CLEANUP_BATCH);
    }

    /** The first 8 bytes of HMAC-SHA-256(key, address): the row's id, from which the address cannot be read back. */
    long bucketId(String client) {
        return ByteBuffer.wrap(clientKey.of(client)).getLong();
    }
}
